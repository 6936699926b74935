/**
 * Fast set-up for the queue benchmarks: companies provisioned by the real command (schema,
 * migrations, admin), then branches, services, counters, operators with an open counter session,
 * display boards and pre-issued WAITING tickets bulk-inserted with one SQL statement per table
 * and company. Works on PostgreSQL and PGlite (through the app's Kysely handle).
 */
import { businessDay } from "@equeue/core";
import { CompiledQuery } from "kysely";
import type { Db } from "../../apps/server/src/db/database";
import { quoteIdent } from "../../apps/server/src/db/migrator";
import { newDeviceToken } from "../../apps/server/src/modules/access";
import { provisionCompany } from "../../apps/server/src/modules/provisioning/provision-company.command";
import type { Platform } from "../../apps/server/src/platform";
import { systemActor } from "../../apps/server/src/shared/actor";
import { runPool } from "./stats";

export type FixtureOptions = {
  companies: number;
  branchesPerCompany: number;
  servicesPerBranch: number;
  operatorsPerBranch: number;
  ticketsPerBranch: number;
  displaysPerBranch?: number;
  /** Prefix of the company slugs (unique per run). */
  slugPrefix: string;
  /** Wrap each company's inserts in begin/commit (PostgreSQL; not on PGlite's one shared connection). */
  transaction?: boolean;
  concurrency?: number;
};

export type OperatorRef = {
  slug: string;
  schema: string;
  companyId: string;
  branchId: string;
  staffId: string;
  counterId: string;
  /** The services this operator serves at its branch (all of the branch's, head start 0). */
  serviceIds: string[];
  token: string;
};

export type BranchRef = {
  slug: string;
  schema: string;
  companyId: string;
  branchId: string;
  serviceIds: string[];
  operators: OperatorRef[];
  displayTokens: string[];
};

export type Fixture = {
  companies: { slug: string; schema: string; id: string }[];
  branches: BranchRef[];
  operators: OperatorRef[];
  tickets: number;
  day: string;
};

export const TIME_ZONE = "Asia/Tashkent";

export type Exec = <R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;

/** Runs raw SQL with $n parameters through the app's Kysely handle (PostgreSQL or PGlite). */
export const execOn =
  (db: Db): Exec =>
  async <R>(text: string, params: unknown[] = []) =>
    (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;

async function fillCompany(
  exec: Exec,
  schema: string,
  o: FixtureOptions,
  day: string,
): Promise<{ branches: Omit<BranchRef, "slug" | "schema" | "companyId" | "operators">[] }> {
  const s = quoteIdent(schema);
  const tx = o.transaction ?? true;
  if (tx) await exec(`begin`);
  try {
    const branches = await exec<{ id: string }>(
      `insert into ${s}.branches (slug, code, name, address, time_zone, weekly_hours)
       select 'b' || g, 'B' || g, jsonb_build_object('uz', 'Filial ' || g, 'en', 'Branch ' || g),
              '{"uz":"Toshkent"}', $2, '{}'
       from generate_series(1, $1::int) g order by g returning id`,
      [o.branchesPerCompany, TIME_ZONE],
    );
    const services = await exec<{ id: string }>(
      `insert into ${s}.services (code, letter, name, duration_minutes)
       select 'S' || g, chr(64 + g), jsonb_build_object('uz', 'Xizmat ' || g, 'en', 'Service ' || g), 5
       from generate_series(1, $1::int) g order by g returning id`,
      [o.servicesPerBranch],
    );
    await exec(
      `insert into ${s}.branch_services (branch_id, service_id)
       select b.id, sv.id from ${s}.branches b cross join ${s}.services sv`,
    );
    await exec(
      `insert into ${s}.counters (branch_id, number)
       select b.id, g from ${s}.branches b cross join generate_series(1, $1::int) g`,
      [o.operatorsPerBranch],
    );
    await exec(
      `insert into ${s}.staff (email, name, role, password_hash, branch_id, counter_id, weekly_schedule)
       select 'op' || c.number || '.' || c.id || '@bench.test', 'Operator ' || c.number, 'OPERATOR',
              'not-a-hash: bench operators use signed tokens', c.branch_id, c.id, '{}'
       from ${s}.counters c`,
    );
    await exec(
      `insert into ${s}.staff_services (staff_id, service_id)
       select st.id, sv.id from ${s}.staff st cross join ${s}.services sv where st.role = 'OPERATOR'`,
    );
    await exec(
      `insert into ${s}.operator_status (staff_id, branch_id, counter_id, status)
       select id, branch_id, counter_id, 'AVAILABLE' from ${s}.staff where role = 'OPERATOR'`,
    );
    if (o.ticketsPerBranch > 0) {
      // Random service per ticket; queue times 1 ms apart, an hour ago; tokens of 32 hex digits.
      await exec(
        `insert into ${s}.tickets (branch_id, service_id, day, series, number, label, source, status,
                                   priority, queued_at, token, created_at, updated_at)
         select b.id, sv.ids[1 + floor(random() * array_length(sv.ids, 1))::int], $2::date, 'K', g,
                'K-' || lpad(g::text, 3, '0'), 'KIOSK', 'WAITING', 0,
                now() - interval '1 hour' + g * interval '1 millisecond',
                md5(random()::text || clock_timestamp()::text || b.id::text || g),
                now() - interval '1 hour', now() - interval '1 hour'
         from ${s}.branches b
         cross join (select array_agg(id order by code) as ids from ${s}.services) sv
         cross join generate_series(1, $1::int) g`,
        [o.ticketsPerBranch, day],
      );
      await exec(
        `insert into ${s}.ticket_series (branch_id, day, series, last_number)
         select id, $2::date, 'K', $1::int from ${s}.branches`,
        [o.ticketsPerBranch, day],
      );
      await exec(
        `insert into ${s}.ticket_events (ticket_id, at, type, from_status, to_status, data)
         select id, created_at, 'ISSUE', null, 'WAITING', '{"source":"KIOSK"}' from ${s}.tickets`,
      );
    }
    if (tx) await exec(`commit`);
    return {
      branches: branches.map((b) => ({
        branchId: b.id,
        serviceIds: services.map((x) => x.id),
        displayTokens: [],
      })),
    };
  } catch (err) {
    if (tx) await exec(`rollback`).catch(() => {});
    throw err;
  }
}

/**
 * Builds the data set. `exec` must run on ONE connection (begin/commit are sent as statements):
 * pass a function bound to a dedicated client, or `execOn(db)` on PGlite.
 */
export async function buildFixture(
  platform: Platform,
  connect: () => Promise<{ exec: Exec; release: () => void }>,
  o: FixtureOptions,
  log: (msg: string) => void,
): Promise<Fixture> {
  const { ctx } = platform;
  const day = businessDay(new Date(), TIME_ZONE);
  const slugs = Array.from({ length: o.companies }, (_, i) => `${o.slugPrefix}-${i}`);
  const companies: Fixture["companies"] = [];
  const branches: BranchRef[] = [];
  let done = 0;
  await runPool(slugs.length, o.concurrency ?? 4, async (i) => {
    const slug = slugs[i]!;
    const { companyId } = await provisionCompany(
      ctx,
      {
        name: `Bench ${slug}`,
        slug,
        adminEmail: `admin@${slug}.test`,
        defaultLanguage: "uz",
      },
      systemActor,
    );
    const company = await ctx.directory.findBySlug(slug);
    if (!company) throw new Error(`company ${slug} not found after provisioning`);
    const conn = await connect();
    let filled;
    try {
      filled = await fillCompany(conn.exec, company.schema_name, o, day);
      const staff = await conn.exec<{ id: string; branch_id: string; counter_id: string }>(
        `select id, branch_id, counter_id from ${quoteIdent(company.schema_name)}.staff
         where role = 'OPERATOR' order by branch_id, email`,
      );
      for (const b of filled.branches) {
        const ops: OperatorRef[] = [];
        for (const st of staff.filter((x) => x.branch_id === b.branchId)) {
          ops.push({
            slug,
            schema: company.schema_name,
            companyId,
            branchId: b.branchId,
            staffId: st.id,
            counterId: st.counter_id,
            serviceIds: b.serviceIds,
            token: await ctx.tokens.sign({
              realm: "company",
              sub: st.id,
              email: `op-${st.id}@bench.test`,
              role: "OPERATOR",
              companyId,
              mustChangePassword: false,
            }),
          });
        }
        const displayTokens: string[] = [];
        for (let d = 0; d < (o.displaysPerBranch ?? 0); d++) {
          const { raw, hash } = newDeviceToken();
          await conn.exec(
            `insert into ${quoteIdent(company.schema_name)}.devices
               (branch_id, kind, name, settings, token_hash, paired_at)
             values ($1, 'DISPLAY', $2, '{}', $3, now())`,
            [b.branchId, `Board ${d + 1}`, hash],
          );
          displayTokens.push(raw);
        }
        branches.push({
          ...b,
          slug,
          schema: company.schema_name,
          companyId,
          operators: ops,
          displayTokens,
        });
      }
    } finally {
      conn.release();
    }
    companies.push({ slug, schema: company.schema_name, id: companyId });
    if (++done % 25 === 0 || done === slugs.length) log(`set up ${done}/${slugs.length} companies`);
  });
  companies.sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    companies,
    branches,
    operators: branches.flatMap((b) => b.operators),
    tickets: o.companies * o.branchesPerCompany * o.ticketsPerBranch,
    day,
  };
}

/** Ticket state across all companies, for duplicate / lost checks after a run. */
export async function queueAudit(exec: Exec, schemas: string[]) {
  let total = 0;
  let waiting = 0;
  let duplicateCalls = 0;
  let calledWithoutEvent = 0;
  let callEvents = 0;
  for (const schema of schemas) {
    const s = quoteIdent(schema);
    const [r] = await exec<{
      total: number;
      waiting: number;
      dup: number;
      orphan: number;
      calls: number;
    }>(
      `select (select count(*)::int from ${s}.tickets) as total,
              (select count(*)::int from ${s}.tickets where status = 'WAITING') as waiting,
              (select count(*)::int from (select ticket_id from ${s}.ticket_events where type = 'CALL'
                 group by ticket_id having count(*) > 1) d) as dup,
              (select count(*)::int from ${s}.tickets t where t.status <> 'WAITING' and not exists
                 (select 1 from ${s}.ticket_events e where e.ticket_id = t.id and e.type = 'CALL')) as orphan,
              (select count(*)::int from ${s}.ticket_events where type = 'CALL') as calls`,
    );
    total += r!.total;
    waiting += r!.waiting;
    duplicateCalls += r!.dup;
    calledWithoutEvent += r!.orphan;
    callEvents += r!.calls;
  }
  return { total, waiting, duplicateCalls, calledWithoutEvent, callEvents };
}

/**
 * Puts every ticket back to WAITING and removes CALL/CANCEL/START/FINISH history, so that the
 * next phase starts from the same data set; then VACUUM ANALYZE so dead rows do not skew it.
 */
export async function resetQueues(exec: Exec, schemas: string[], vacuum = true): Promise<void> {
  for (const schema of schemas) {
    const s = quoteIdent(schema);
    await exec(`delete from ${s}.ticket_events where type <> 'ISSUE'`);
    await exec(
      `update ${s}.tickets set status = 'WAITING', operator_id = null, counter_id = null,
         called_at = null, started_at = null, finished_at = null, recall_count = 0
       where status <> 'WAITING'`,
    );
    if (vacuum) await exec(`vacuum analyze ${s}.tickets, ${s}.ticket_events`);
  }
}
