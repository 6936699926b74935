/**
 * The operator loop of the call-next benchmarks (over real HTTP) and the raw-SQL ceiling it is
 * compared with (the app's call-next SELECT … FOR UPDATE SKIP LOCKED, wrapped in one UPDATE like
 * ../shared/bench-anchors/pgq_deq_many.sql).
 */
import { DEFAULT_APPOINTMENT_WINDOW } from "@equeue/core";
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from "kysely";
import { quoteIdent } from "../../apps/server/src/db/migrator";
import type { HttpClient } from "./http";
import type { Exec, OperatorRef } from "./queue-fixture";
import { percentile, round } from "./stats";

export type CloseMode = "cancel" | "finish";

export type LoopResult = {
  calls: number;
  empty: number;
  errors: number;
  error_samples: string[];
  seconds: number;
  calls_per_s: number;
  requests: number;
  requests_per_s: number;
  call_latencies: number[];
  close_latencies: number[];
  duplicate_ids: number;
  called_ids: Set<string>;
};

/**
 * Every operator loops: POST call-next; when it returns a ticket, close it (cancel, or start +
 * finish) so that the counter is free for the next call. Stops at the deadline, after
 * `maxCallsPerOperator`, or when call-next answers "nobody waiting" for that operator.
 */
export async function runOperators(
  http: HttpClient,
  operators: OperatorRef[],
  opts: { seconds: number; close: CloseMode; maxCallsPerOperator?: number; thinkMs?: number },
): Promise<LoopResult> {
  const callLat: number[] = [];
  const closeLat: number[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let calls = 0;
  let empty = 0;
  let errors = 0;
  let requests = 0;
  const samples: string[] = [];
  const fail = (what: string) => {
    errors++;
    if (samples.length < 8) samples.push(what.slice(0, 300));
  };
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const maxCalls = opts.maxCallsPerOperator ?? 100_000;
  let lastEnd = started;
  await Promise.all(
    operators.map(async (op) => {
      const base = `/api/c/${op.slug}/queue`;
      for (let n = 0; n < maxCalls && performance.now() < deadline; n++) {
        try {
          let t = performance.now();
          const res = await http.request("POST", `${base}/call-next`, {
            body: {},
            token: op.token,
          });
          requests++;
          callLat.push(performance.now() - t);
          if (res.status !== 200) {
            fail(`call-next ${res.status} ${res.body}`);
            continue;
          }
          const ticket = (JSON.parse(res.body) as { ticket: { id: string } | null }).ticket;
          if (!ticket) {
            empty++;
            break;
          }
          calls++;
          if (seen.has(ticket.id)) duplicates++;
          seen.add(ticket.id);
          const steps = opts.close === "cancel" ? ["cancel"] : ["start", "finish"];
          for (const step of steps) {
            t = performance.now();
            const r = await http.request("POST", `${base}/tickets/${ticket.id}/${step}`, {
              body: {},
              token: op.token,
            });
            requests++;
            closeLat.push(performance.now() - t);
            if (r.status !== 200) fail(`${step} ${r.status} ${r.body}`);
          }
          // Paced operators (an open-ish load below saturation): wait 0–2× thinkMs between customers.
          if (opts.thinkMs) {
            const wait = Math.min(Math.random() * 2 * opts.thinkMs, deadline - performance.now());
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          }
        } catch (err) {
          fail(err instanceof Error ? err.message : String(err));
        }
      }
      lastEnd = Math.max(lastEnd, performance.now());
    }),
  );
  const seconds = (lastEnd - started) / 1000;
  return {
    calls,
    empty,
    errors,
    error_samples: samples,
    seconds,
    calls_per_s: calls / seconds,
    requests,
    requests_per_s: requests / seconds,
    call_latencies: callLat,
    close_latencies: closeLat,
    duplicate_ids: duplicates,
    called_ids: seen,
  };
}

/** The app's call-next pick (ticket.repository.ts pickNextTicket) as one UPDATE … RETURNING. */
export function rawCallNextSql(schema: string): string {
  const s = quoteIdent(schema);
  const due = `coalesce(t.appointment_at between $3 and $4, false)`;
  return `update ${s}.tickets set status = 'CALLED', called_at = now(), counter_id = $5, updated_at = now()
 where id = (
  select t.id from ${s}.tickets as t
   inner join ${s}.services as s on s.id = t.service_id
   inner join ${s}.branches as b on b.id = t.branch_id
   left join ${s}.counters as c on c.id = t.counter_id
  where t.branch_id = $1 and t.status = 'WAITING' and s.is_active = true
    and t.service_id in (select ss.service_id from ${s}.staff_services as ss
         inner join ${s}.branch_services as bs on bs.service_id = ss.service_id
           and bs.branch_id = $1 and bs.enabled = true
         where ss.staff_id = $2)
    and (t.preferred_operator_id is null or t.preferred_operator_id = $2)
  order by ${due} desc,
    case when ${due} then t.appointment_at end asc nulls last,
    t.priority desc,
    case when not ${due} then t.queued_at - s.head_start_seconds * interval '1 second' end asc nulls last,
    t.queued_at asc, t.id asc
  limit 1 for update of t skip locked)
 returning id`;
}

type Compiled = { sql: string; parameters: readonly unknown[] };
type StatementBuilder = (
  schema: string,
  q: {
    branchId: string;
    staffId: string;
    counterId: string;
    services: { id: string; headStartSeconds: number }[];
    now: Date;
  },
) => { compile(db: Kysely<Record<string, never>>): Compiled };

export type RawStatement = {
  shape: string;
  build: (op: OperatorRef, now: Date) => { text: string; values: unknown[] };
};

/**
 * The raw statement: the app's own one-statement call-next (call-next.repository.ts,
 * `callNextStatement`, compiled by Kysely with the same parameters) when the server has it; else
 * the pick of ticket.repository.ts in an UPDATE … RETURNING. The UPDATE's operator_id is set to
 * NULL in the raw loop, because raw callers never close their ticket and the unique index "one
 * open ticket per operator" would refuse the second call of an operator.
 */
export async function rawCallNextStatement(): Promise<RawStatement> {
  try {
    const url = new URL(
      "../../apps/server/src/modules/queue/call-next.repository.ts",
      import.meta.url,
    );
    const mod = (await import(url.href)) as { callNextStatement?: StatementBuilder };
    const build = mod.callNextStatement;
    if (build) {
      const db = new Kysely<Record<string, never>>({
        dialect: {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (d) => new PostgresIntrospector(d),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        },
      });
      // Fails here, before any measurement, if the builder's input changed.
      // (hand-written SQL, schema-qualified by the builder itself: callNextStatement(schema, q))
      build("t_probe", {
        branchId: "b",
        staffId: "s",
        counterId: "c",
        services: [{ id: "s", headStartSeconds: 0 }],
        now: new Date(0),
      }).compile(db);
      // The SET list's operator_id = $n (not preferred_operator_id, not the event's column);
      // its number depends on how many services the operator has, so it is found per statement.
      const opParam = /(?<![.\w"])"?operator_id"? = \$(\d+)/;
      return {
        shape:
          "app's callNextStatement (CTE: pick FOR UPDATE SKIP LOCKED → UPDATE → INSERT ticket_events), compiled by Kysely; UPDATE's operator_id = NULL",
        build: (op, now) => {
          const c = build(op.schema, {
            branchId: op.branchId,
            staffId: op.staffId,
            counterId: op.counterId,
            services: op.serviceIds.map((id) => ({ id, headStartSeconds: 0 })),
            now,
          }).compile(db);
          const values = [...c.parameters];
          const m = opParam.exec(c.sql);
          if (m) values[Number(m[1]) - 1] = null;
          return { text: c.sql, values };
        },
      };
    }
  } catch (err) {
    // the one-statement module is not there (or changed): fall back to the pick + UPDATE shape
    console.warn(`[call-loop] app's callNextStatement unusable, raw falls back: ${String(err)}`);
  }
  return {
    shape:
      "app's pickNextTicket SELECT … FOR UPDATE OF t SKIP LOCKED inside UPDATE … WHERE id = (…) RETURNING id",
    build: (op, now) => ({
      text: rawCallNextSql(op.schema),
      values: [
        op.branchId,
        op.staffId,
        new Date(now.getTime() - DEFAULT_APPOINTMENT_WINDOW.lateSeconds * 1000),
        new Date(now.getTime() + DEFAULT_APPOINTMENT_WINDOW.earlySeconds * 1000),
        op.counterId,
      ],
    }),
  };
}

export type RawResult = {
  calls: number;
  empty: number;
  errors: number;
  seconds: number;
  calls_per_s: number;
  p50_ms: number | null;
  p99_ms: number | null;
  clients: number;
};

/**
 * `clients` loops, each on its own connection (`connect`), running the raw call-next for a random
 * operator of `operators` until the deadline.
 */
export async function rawCallNext(
  connect: () => Promise<{ exec: Exec; release: () => void }>,
  operators: OperatorRef[],
  opts: { clients: number; seconds: number; statement: RawStatement },
): Promise<RawResult> {
  const lat: number[] = [];
  let calls = 0;
  let empty = 0;
  let errors = 0;
  const conns = await Promise.all(Array.from({ length: opts.clients }, () => connect()));
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  try {
    await Promise.all(
      conns.map(async (c) => {
        for (let n = 0; n < 10_000_000 && performance.now() < deadline; n++) {
          const op = operators[Math.floor(Math.random() * operators.length)]!;
          const { text, values } = opts.statement.build(op, new Date());
          const t = performance.now();
          try {
            const rows = await c.exec(text, values);
            lat.push(performance.now() - t);
            if (rows.length) calls++;
            else empty++;
          } catch {
            errors++;
          }
        }
      }),
    );
  } finally {
    for (const c of conns) c.release();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    calls,
    empty,
    errors,
    seconds: round(seconds)!,
    calls_per_s: round(calls / seconds)!,
    p50_ms: round(percentile(lat, 50)),
    p99_ms: round(percentile(lat, 99)),
    clients: opts.clients,
  };
}
