/**
 * The operator loop of the call-next benchmarks (over real HTTP) and the raw-SQL ceiling it is
 * compared with (the app's own statements for the same served calls, on plain connections).
 */
import { TICKET_ACTION } from "@equeue/core";
import type { Db } from "@equeue/server/db";
import {
  type CompanyRecord,
  type StaffTicketAction,
  actOnTicket,
  callNextTicket,
} from "@equeue/server/queue";
import type { HttpClient } from "./http";
import type { OperatorRef } from "./queue-fixture";
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
      // Paced operators do not all press "call next" in the same millisecond at the start.
      if (opts.thinkMs) await new Promise((r) => setTimeout(r, Math.random() * 2 * opts.thinkMs!));
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

export type RawResult = {
  calls: number;
  empty: number;
  errors: number;
  seconds: number;
  calls_per_s: number;
  /** One call-next statement alone. */
  p50_ms: number | null;
  p99_ms: number | null;
  /** The whole served call: call-next + the close statements. */
  cycle_p50_ms: number | null;
  cycle_p99_ms: number | null;
  statements: number;
  clients: number;
};

export const RAW_CEILING_SQL =
  "the app's own statements for one served call, run by the app's commands on a plain " +
  "connection (no HTTP, auth, JSON or realtime): callNextTicket (one statement: operator " +
  "session + services + pick FOR UPDATE SKIP LOCKED + UPDATE + event), then the close — per " +
  "step actOnTicket: scope + ticket (one statement) and the version-checked update + event (one " +
  "statement); finish adds the service-time upsert";

/**
 * The raw-SQL ceiling: `clients` loops on their own connections (`db` must have a pool of at
 * least that size), each owning a disjoint share of the operators and taking them in turn:
 * exactly the statements the app runs for one served call — call next, then the close (cancel,
 * or start + finish) — by the app's own commands with a publisher that sends nothing, so app and
 * ceiling always run the same SQL. What the app adds on top is HTTP, authentication, JSON,
 * the realtime publish and Node's scheduling.
 */
export async function rawCallCycle(
  db: Db,
  operators: OperatorRef[],
  opts: { clients: number; seconds: number; close: CloseMode },
): Promise<RawResult> {
  const callLat: number[] = [];
  const cycleLat: number[] = [];
  let calls = 0;
  let empty = 0;
  let errors = 0;
  let statements = 0;
  const deps = { db, events: { publish: () => {} } };
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const steps: Exclude<StaffTicketAction, "CALL">[] =
    opts.close === "cancel" ? [TICKET_ACTION.CANCEL] : [TICKET_ACTION.START, TICKET_ACTION.FINISH];
  await Promise.all(
    Array.from({ length: opts.clients }, async (_, c) => {
      let mine = operators.filter((_, i) => i % opts.clients === c);
      for (let n = 0; mine.length > 0 && performance.now() < deadline; n++) {
        const op = mine[n % mine.length]!;
        const company = {
          id: op.companyId,
          schema_name: op.schema,
          slug: op.slug,
        } as CompanyRecord;
        const staff = { staffId: op.staffId };
        const t = performance.now();
        try {
          const ticket = await callNextTicket(deps, company, staff);
          statements++;
          callLat.push(performance.now() - t);
          if (!ticket) {
            empty++;
            mine = mine.filter((o) => o !== op);
            continue;
          }
          calls++;
          for (const action of steps) {
            await actOnTicket(deps, company, staff, ticket.id, action);
            statements += action === TICKET_ACTION.FINISH ? 4 : 2;
          }
          cycleLat.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    calls,
    empty,
    errors,
    seconds: round(seconds)!,
    calls_per_s: round(calls / seconds)!,
    p50_ms: round(percentile(callLat, 50)),
    p99_ms: round(percentile(callLat, 99)),
    cycle_p50_ms: round(percentile(cycleLat, 50)),
    cycle_p99_ms: round(percentile(cycleLat, 99)),
    statements,
    clients: opts.clients,
  };
}
