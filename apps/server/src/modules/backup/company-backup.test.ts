import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  createTestPlatform,
  issueTickets,
  type TestPlatform,
} from "../../testing";
import { exportCompany, importCompany, withTranslatedDescription } from "./company-backup";

/** Every row of every table of a schema, as one checksum per table. */
async function fingerprint(url: string, schema: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(
      "select table_name as t from information_schema.tables where table_schema = $1 order by 1",
      [schema],
    );
    const out: Record<string, string> = {};
    for (const { t } of tables.rows) {
      const r = await c.query<{ n: number; h: string | null }>(
        `select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h
         from "${schema}"."${t}" x`,
      );
      out[t] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

async function platformRows(url: string, companyId: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const q = async (sql: string) => (await c.query(sql, [companyId])).rows;
    return {
      company: await q("select * from platform.companies where id = $1"),
      index: await q(
        "select * from platform.ticket_index where company_id = $1 order by ticket_id",
      ),
      audit: (await q("select * from platform.audit_log where company_id = $1 order by id")).map(
        ({ id: _id, ...rest }) => rest,
      ),
    };
  } finally {
    await c.end();
  }
}

const pgOnly = !process.env.TEST_DATABASE_URL;

describe.skipIf(pgOnly)("one company's backup and restore (pg_dump)", () => {
  let source: TestPlatform;
  let target: TestPlatform;
  let dir: string;
  let a: Awaited<ReturnType<typeof createQueueCompany>>;
  let b: Awaited<ReturnType<typeof createQueueCompany>>;
  beforeAll(async () => {
    source = await createTestPlatform({}, { dayEndWorker: false });
    target = await createTestPlatform({}, { dayEndWorker: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "eq-backup-"));
    a = await createQueueCompany(source);
    b = await createQueueCompany(source);
    for (const company of [a, b]) {
      const setup = await createBranchWithService(source.ctx, company.company);
      await issueTickets(source.ctx, company.company, {
        branchId: setup.branch.id,
        serviceId: setup.services[0]!.id,
        count: 4,
      });
      const op = await createQueueOperator(source.ctx, company.company, {
        branchId: setup.branch.id,
        serviceIds: [setup.services[0]!.id],
      });
      await call(source.app, "POST", `/api/c/${company.slug}/queue/session`, {
        token: op.token,
        body: { counterId: setup.counters[0]!.id },
      });
      await call(source.app, "POST", `/api/c/${company.slug}/queue/call-next`, {
        token: op.token,
        body: {},
      });
    }
    await source.ctx.events.idle();
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const url = (p: TestPlatform) => p.ctx.config.DATABASE_URL!;

  it("moves a company to another cluster with every row equal, and the app serves it there", async () => {
    const out = path.join(dir, "move");
    const { company } = await exportCompany({ databaseUrl: url(source), slug: a.slug, dir: out });
    expect(fs.readdirSync(out).sort()).toEqual(["platform.json", "schema.dump"]);
    await importCompany({ databaseUrl: url(target), dir: out });

    const before = await fingerprint(url(source), company.schema);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(await fingerprint(url(target), company.schema)).toEqual(before);
    const rows = await platformRows(url(source), company.id);
    expect(rows.index.length).toBe(4);
    expect(await platformRows(url(target), company.id)).toEqual(rows);

    // The restored company is served there.
    const res = await call(target.app, "GET", `/api/c/${a.slug}/info`);
    expect(res.statusCode).toBe(200);
    // Only that company arrived.
    const c = new pg.Client({ connectionString: url(target) });
    await c.connect();
    const n = await c.query("select slug from platform.companies");
    await c.end();
    expect(n.rows.map((r) => r.slug)).toEqual([a.slug]);
  });

  it("refuses to restore over an existing company unless told to replace it", async () => {
    const out = path.join(dir, "again");
    await exportCompany({ databaseUrl: url(source), slug: a.slug, dir: out });
    await expect(importCompany({ databaseUrl: url(source), dir: out })).rejects.toThrow(
      /already exists.*--replace/,
    );
    await expect(
      exportCompany({ databaseUrl: url(source), slug: a.slug, dir: out }),
    ).rejects.toThrow(/not empty/);
    await expect(
      exportCompany({
        databaseUrl: url(source),
        slug: "no-such-company",
        dir: path.join(dir, "x"),
      }),
    ).rejects.toThrow(/No company/);
  });

  it("brings one company back to its backup without touching another", async () => {
    const out = path.join(dir, "recover");
    const { company } = await exportCompany({ databaseUrl: url(source), slug: a.slug, dir: out });
    const aBefore = await fingerprint(url(source), company.schema);
    const bSchema = b.company.schema_name;
    const bBefore = await fingerprint(url(source), bSchema);
    // Damage: company A loses its tickets.
    const c = new pg.Client({ connectionString: url(source) });
    await c.connect();
    await c.query(`delete from "${company.schema}".ticket_events`);
    await c.query(`delete from "${company.schema}".tickets`);
    await c.end();
    expect(await fingerprint(url(source), company.schema)).not.toEqual(aBefore);

    await importCompany({ databaseUrl: url(source), dir: out, replace: true });
    expect(await fingerprint(url(source), company.schema)).toEqual(aBefore);
    expect(await fingerprint(url(source), bSchema)).toEqual(bBefore);
  });

  it("keeps the company as it was when the restore fails half-way", async () => {
    const out = path.join(dir, "broken");
    const { company } = await exportCompany({ databaseUrl: url(source), slug: a.slug, dir: out });
    const before = await fingerprint(url(source), company.schema);
    // A corrupt dump: pg_restore refuses it, and the company is put back.
    fs.writeFileSync(path.join(out, "schema.dump"), "not a dump");
    await expect(
      importCompany({ databaseUrl: url(source), dir: out, replace: true }),
    ).rejects.toThrow(/pg_restore failed/);
    expect(await fingerprint(url(source), company.schema)).toEqual(before);
  });

  it("runs as a command for operators", () => {
    const out = path.join(dir, "cli");
    const root = path.resolve(__dirname, "../../../../..");
    const stdout = execFileSync(
      process.execPath,
      ["--import", "tsx", "apps/server/src/cli/company-backup.ts", "export", b.slug, out],
      { cwd: root, env: { ...process.env, DATABASE_URL: url(source) }, encoding: "utf8" },
    );
    expect(stdout).toMatch(new RegExp(`Backed up ${b.slug}`));
    expect(fs.existsSync(path.join(out, "schema.dump"))).toBe(true);
  });
});

describe("a backup taken before descriptions were translated", () => {
  it("restores the one description as the default language's text", () => {
    const old = (description: string | null, default_language: string) =>
      withTranslatedDescription({ slug: "x", description, default_language }).description;
    expect(old("Bank", "uz")).toEqual({ uz: "Bank" });
    expect(old("Банк", "ru")).toEqual({ ru: "Банк" });
    expect(old("Банк", "uz-Cyrl")).toEqual({ uz: "Банк" });
    expect(old(" ", "en")).toBeNull();
    expect(old(null, "en")).toBeNull();
    const now = { uz: "Bank", en: "Bank" };
    expect(withTranslatedDescription({ description: now }).description).toBe(now);
  });
});
