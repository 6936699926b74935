import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * One company's data, out of a PostgreSQL cluster and back in: its schema (`pg_dump` custom
 * format) and its rows in the platform schema (the company, its logo, the ticket index, the
 * Telegram chats, the ratings sum, its audit trail) as JSON — read in the SAME snapshot as the
 * dump, so the two halves agree. Restoring touches no other company: to move a company to another
 * cluster, or to bring one company back to the moment of its backup.
 *
 * Not in a backup: messages still in the outbox (they belong to the moment), one-time link
 * tokens, and sessions (staff sign in again after a restore). The target cluster's platform
 * schema must be migrated (start the platform once) and at least as new as the source's.
 */

/** Bumped when the layout of `platform.json` changes; a restore refuses formats it doesn't know. */
export const BACKUP_FORMAT = 1;

const SCHEMA_FILE = "schema.dump";
const PLATFORM_FILE = "platform.json";

type Row = Record<string, unknown>;

export type PlatformRows = {
  format: number;
  exportedAt: string;
  company: Row;
  logos: Row[];
  ticketIndex: Row[];
  ticketChats: Row[];
  companyRatings: Row[];
  auditLog: Row[];
};

export class BackupError extends Error {}

/** The platform tables that hold a company's rows, with the column naming the company. */
const PLATFORM_TABLES = [
  { key: "ticketIndex", table: "ticket_index", column: "company_id", omit: undefined },
  { key: "ticketChats", table: "ticket_chats", column: "company_id", omit: undefined },
  { key: "companyRatings", table: "company_ratings", column: "company_id", omit: undefined },
  // Audit entries get new ids where they land (another cluster numbers its own log), in order.
  { key: "auditLog", table: "audit_log", column: "company_id", omit: "id" },
] as const satisfies readonly { key: string; table: string; column: string; omit?: string }[];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (err) =>
      reject(
        new BackupError(
          `${cmd} could not be started (${err.message}); install the PostgreSQL client tools.`,
        ),
      ),
    );
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${cmd} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** bytea and timestamps as JSON: bytes in base64, instants in ISO 8601. */
function toJson(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = Buffer.isBuffer(v)
      ? { base64: v.toString("base64") }
      : v instanceof Date
        ? v.toISOString()
        : v;
  }
  return out;
}

/**
 * A backup taken before descriptions were translated holds the one text: it becomes the text in
 * the company's default language, as the platform's own migration did.
 */
export function withTranslatedDescription(company: Row): Row {
  const text = company.description;
  if (typeof text !== "string") return company;
  const language = company.default_language;
  const key = language === "ru" || language === "en" ? language : "uz";
  return { ...company, description: text.trim() ? { [key]: text } : null };
}

function fromJson(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] =
      v && typeof v === "object" && !Array.isArray(v) && "base64" in v
        ? Buffer.from(String((v as { base64: string }).base64), "base64")
        : v !== null && typeof v === "object"
          ? JSON.stringify(v)
          : v;
  }
  return out;
}

/** Writes the company's backup into `dir` (created; must be empty or absent). */
export async function exportCompany(opts: {
  databaseUrl: string;
  slug: string;
  dir: string;
}): Promise<{ company: { id: string; slug: string; schema: string }; dir: string }> {
  await fs.mkdir(opts.dir, { recursive: true });
  if ((await fs.readdir(opts.dir)).length > 0) {
    throw new BackupError(`${opts.dir} is not empty; give a new directory for the backup.`);
  }
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    // One snapshot for both halves: the dump runs inside it while this transaction stays open.
    await client.query("begin isolation level repeatable read read only");
    const snapshot = (await client.query<{ s: string }>("select pg_export_snapshot() as s"))
      .rows[0]!.s;
    const found = await client.query<Row>("select * from platform.companies where slug = $1", [
      opts.slug,
    ]);
    const company = found.rows[0];
    if (!company) throw new BackupError(`No company with the address name "${opts.slug}".`);
    const schema = String(company.schema_name);
    const rows: PlatformRows = {
      format: BACKUP_FORMAT,
      exportedAt: new Date().toISOString(),
      company: toJson(company),
      logos: company.logo_id
        ? (
            await client.query<Row>("select * from platform.logos where id = $1", [company.logo_id])
          ).rows.map(toJson)
        : [],
      ticketIndex: [],
      ticketChats: [],
      companyRatings: [],
      auditLog: [],
    };
    for (const t of PLATFORM_TABLES) {
      const res = await client.query<Row>(
        `select * from platform.${t.table} where ${t.column} = $1${t.omit ? ` order by ${t.omit}` : ""}`,
        [company.id],
      );
      rows[t.key] = res.rows.map(toJson);
    }
    await run("pg_dump", [
      "--format=custom",
      `--schema=${schema}`,
      "--no-owner",
      "--no-privileges",
      `--snapshot=${snapshot}`,
      `--file=${path.join(opts.dir, SCHEMA_FILE)}`,
      `--dbname=${opts.databaseUrl}`,
    ]);
    await fs.writeFile(path.join(opts.dir, PLATFORM_FILE), JSON.stringify(rows));
    await client.query("commit");
    return { company: { id: String(company.id), slug: opts.slug, schema }, dir: opts.dir };
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup made by `exportCompany`. Refuses when the company (its id, address name or
 * schema) already exists, unless `replace` is set: then that one company's schema and platform
 * rows are dropped first, and nothing else is touched.
 */
export async function importCompany(opts: {
  databaseUrl: string;
  dir: string;
  replace?: boolean;
}): Promise<{ company: { id: string; slug: string; schema: string } }> {
  const rows = JSON.parse(
    await fs.readFile(path.join(opts.dir, PLATFORM_FILE), "utf8"),
  ) as PlatformRows;
  if (rows.format !== BACKUP_FORMAT) {
    throw new BackupError(
      `This backup's format (${rows.format}) is not one this version reads (${BACKUP_FORMAT}).`,
    );
  }
  const company = fromJson(withTranslatedDescription(rows.company));
  const id = String(company.id);
  const slug = String(company.slug);
  const schema = String(company.schema_name);
  if (!/^t_[a-z0-9_]+$/.test(schema)) throw new BackupError(`Unexpected schema name "${schema}".`);
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const platform = await client.query(
      "select 1 from information_schema.tables where table_schema = 'platform' and table_name = 'companies'",
    );
    if (platform.rowCount === 0) {
      throw new BackupError(
        "The target database has no platform schema: start E-Queue on it once first.",
      );
    }
    const clash = await client.query<{ id: string; slug: string }>(
      "select id, slug from platform.companies where id = $1 or slug = $2 or schema_name = $3",
      [id, slug, schema],
    );
    const schemaExists =
      ((await client.query("select 1 from pg_namespace where nspname = $1", [schema])).rowCount ??
        0) > 0;
    if ((clash.rowCount || schemaExists) && !opts.replace) {
      throw new BackupError(
        `A company "${slug}" (or its schema) already exists here; restore with --replace to overwrite that one company.`,
      );
    }
    if (clash.rows.some((r) => r.id !== id)) {
      throw new BackupError(
        `Another company uses the address name "${slug}" here; it is not replaced.`,
      );
    }
    // The company being replaced stays whole, under another name, until the restore is in.
    const aside = `${schema}__before_restore`;
    if (schemaExists) {
      await client.query(`drop schema if exists "${aside}" cascade`);
      await client.query(`alter schema "${schema}" rename to "${aside}"`);
    }
    const putBack = async () => {
      await client.query(`drop schema if exists "${schema}" cascade`);
      if (schemaExists) await client.query(`alter schema "${aside}" rename to "${schema}"`);
    };
    try {
      await run("pg_restore", [
        "--single-transaction",
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        `--dbname=${opts.databaseUrl}`,
        path.join(opts.dir, SCHEMA_FILE),
      ]);
    } catch (err) {
      await putBack();
      throw err;
    }
    try {
      await client.query("begin");
      for (const t of PLATFORM_TABLES) {
        await client.query(`delete from platform.${t.table} where ${t.column} = $1`, [id]);
      }
      await client.query("delete from platform.companies where id = $1", [id]);
      for (const logo of rows.logos) await insert(client, "logos", fromJson(logo), "id");
      await insert(client, "companies", company);
      for (const t of PLATFORM_TABLES) {
        for (const r of rows[t.key]) await insert(client, t.table, fromJson(r), undefined, t.omit);
      }
      if (schemaExists) await client.query(`drop schema "${aside}" cascade`);
      await client.query("commit");
    } catch (err) {
      await client.query("rollback");
      // No half-restored company: the old one comes back as it was.
      await putBack();
      throw err;
    }
    return { company: { id, slug, schema } };
  } finally {
    await client.end();
  }
}

async function insert(
  client: pg.Client,
  table: string,
  full: Row,
  skipIfExists?: string,
  omit?: string,
) {
  const row = Object.fromEntries(Object.entries(full).filter(([k]) => k !== omit));
  const cols = Object.keys(row);
  const sqlText =
    `insert into platform.${table} (${cols.map((c) => `"${c}"`).join(", ")}) values (${cols
      .map((_, i) => `$${i + 1}`)
      .join(", ")})` + (skipIfExists ? ` on conflict ("${skipIfExists}") do nothing` : "");
  await client.query(sqlText, Object.values(row));
}
