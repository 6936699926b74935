import { allowedActions, TRANSITION_RULES, type TicketAction } from "@equeue/core";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "../../testing/queue-factories";
import type { DomainEvent } from "../events";
import { companyDb, type CompanyRecord } from "../tenancy";
import { insertTicketHistory, storedEvents, type FixtureEvent } from "./reports.fixtures";
import { setTargetWait } from "./reports.seed";
import { quoteIdent } from "../../db/migrator";
import { backfillTier, DAY_TIERS } from "./day-tier";
import { expectedTier, storedTier } from "./day-tier.fixtures";
import { backfillMonthTier, MONTH_TIERS, WEEK_HOURS } from "./month-tier";
import { foldEvent, rowKey, sumDeltas, type FoldEvent, type RollupRow } from "./rollup-fold";
import { reportRollupSubscriber } from "./rollup.subscriber";

// Roll-ups equal a recount from the raw events, whatever the stream and however it is cut in
// batches (some handed over twice, as a crash before the cursor's commit would).

const SOURCES = ["WALK_IN", "KIOSK", "ONLINE"] as const;

const ticketArb = fc.record({
  branch: fc.nat(1),
  service: fc.nat(1),
  source: fc.constantFrom(...SOURCES),
  booked: fc.boolean(),
  start: fc.integer({ min: 0, max: 4 * 86_400 }),
  appointmentOffset: fc.integer({ min: -3600, max: 3600 }),
  steps: fc.array(
    fc.record({ pick: fc.nat(20), gap: fc.integer({ min: 0, max: 3000 }), op: fc.nat(1) }),
    { maxLength: 7 },
  ),
});

describe("report roll-ups", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let branches: string[];
  let services: string[];
  let ops: string[];

  beforeAll(async () => {
    // The test hands the events to the subscriber itself, batch by batch: the platform's own
    // dispatcher must not deliver them too (its sweep would race the test's resets).
    p = await createTestPlatform({ EVENTS_DISPATCH_HOLD: "true" }, { dayEndWorker: false });
    ({ company } = await createQueueCompany(p));
    const a = await createBranchWithService(p.ctx, company, { timeZone: "Asia/Tashkent" });
    const b = await createBranchWithService(p.ctx, company, { timeZone: "Europe/Berlin" });
    branches = [a.branch.id, b.branch.id];
    // Two services (for the per-service tiers), both with a 5-minute target.
    services = [a.services[0]!.id, b.services[0]!.id];
    await setTargetWait(p, company, services, 5);
    ops = [
      (await createQueueOperator(p.ctx, company, { branchId: a.branch.id })).id,
      (await createQueueOperator(p.ctx, company, { branchId: b.branch.id })).id,
    ];
  }, 180_000);
  afterAll(() => p.close());

  const q = () => companyDb(p.ctx.db, company);

  async function reset() {
    for (const t of [
      "report_rollups",
      ...DAY_TIERS.map((t) => t.table as "report_days"),
      ...MONTH_TIERS.map((t) => t.table as "report_months"),
      "report_rollup_state",
      "ticket_events",
      "tickets",
    ] as const) {
      await q().deleteFrom(t).execute();
    }
  }

  /** The recount: every event folded with its ticket's whole history, in one pass. */
  async function recount(events: DomainEvent[]) {
    const tickets = await q()
      .selectFrom("tickets")
      .select(["id", "branch_id", "service_id", "source", "appointment_at"])
      .execute();
    const byId = new Map(tickets.map((t) => [t.id, t]));
    const history = new Map<string, FoldEvent[]>();
    const rows = new Map<string, RollupRow>();
    for (const e of [...events].sort((a, b) => a.id - b.id)) {
      const t = byId.get(e.ticketId)!;
      const before = history.get(e.ticketId) ?? [];
      sumDeltas(
        foldEvent(e, before, {
          branchId: t.branch_id,
          serviceId: t.service_id,
          source: t.source,
          appointmentAt: t.appointment_at,
          targetSeconds: 300,
        }),
        rows,
      );
      history.set(e.ticketId, [...before, e]);
    }
    return rows;
  }

  it("equal a recount from the raw events after random streams and batches", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.boolean(), { maxLength: 10 }),
        async (tickets, cuts, replays) => {
          await reset();
          // From the night Berlin moves to summer time into April, across the month end in both zones.
          const base = Date.parse("2026-03-28T20:00:00Z");
          for (const t of tickets) {
            let at = base + t.start * 1000;
            let status: string = t.booked ? "BOOKED" : "WAITING";
            const events: FixtureEvent[] = [
              { at: new Date(at).toISOString(), type: "ISSUE", from: null, to: status },
            ];
            for (const step of t.steps) {
              const allowed = allowedActions(status as never);
              if (allowed.length === 0) break;
              const action = allowed[step.pick % allowed.length] as TicketAction;
              at += step.gap * 1000;
              const to = TRANSITION_RULES[action].to;
              events.push({
                at: new Date(at).toISOString(),
                type: action,
                from: status,
                to,
                operatorId: [
                  "CALL",
                  "START",
                  "FINISH",
                  "MARK_NO_SHOW",
                  "TRANSFER",
                  "RECALL",
                ].includes(action)
                  ? ops[step.op]!
                  : null,
              });
              status = to;
            }
            await insertTicketHistory(p.ctx.db, company, {
              branchId: branches[t.branch]!,
              serviceId: services[t.service]!,
              source: t.source,
              ...(t.booked && {
                appointmentAt: new Date(
                  base + (t.start + t.appointmentOffset) * 1000,
                ).toISOString(),
              }),
              events,
            });
          }
          const events = await storedEvents(p.ctx.db, company);
          // Deliver in random batches; some batches handed over again.
          let i = 0;
          let k = 0;
          while (i < events.length) {
            const size = cuts[k % cuts.length]!;
            const batch = events.slice(i, i + size);
            const times = replays[k] ? 2 : 1;
            for (let n = 0; n < times; n++) {
              await p.ctx.db
                .transaction()
                .execute((trx) =>
                  reportRollupSubscriber.handle(
                    { db: trx, company: companyDb(trx, company) },
                    company,
                    batch,
                  ),
                );
            }
            i += size;
            k++;
          }
          const stored = await q().selectFrom("report_rollups").selectAll().execute();
          const expected = await recount(events);
          const asRow = (r: (typeof stored)[number]) => ({
            key: rowKey({
              branchId: r.branch_id,
              bucket: r.bucket,
              serviceId: r.service_id,
              operatorId: r.operator_id,
              source: r.source,
            }),
            counts: {
              issued: r.issued,
              called: r.called,
              served: r.served,
              no_show: r.no_show,
              cancelled: r.cancelled,
              expired: r.expired,
              transferred: r.transferred,
              booked: r.booked,
              checked_in: r.checked_in,
              late: r.late,
              missed: r.missed,
              booking_cancelled: r.booking_cancelled,
              wait_count: r.wait_count,
              target_count: r.target_count,
              within_target: r.within_target,
              service_count: r.service_count,
            },
            waitSum: Math.round(r.wait_sum),
            waitHist: r.wait_hist,
            serviceSum: Math.round(r.service_sum),
            serviceHist: r.service_hist,
          });
          const want = [...expected.entries()].map(([key, r]) => ({
            key,
            counts: r.counts,
            waitSum: Math.round(r.waitSum),
            waitHist: r.waitHist,
            serviceSum: Math.round(r.serviceSum),
            serviceHist: r.serviceHist,
          }));
          const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
          expect(stored.map(asRow).sort(byKey)).toEqual(want.sort(byKey));

          // Every day tier equals the recount summed per branch-local day and the tier's keys
          // (source, service, operator), with the local hour for the heatmap.
          const zones = new Map([
            [branches[0]!, "Asia/Tashkent"],
            [branches[1]!, "Europe/Berlin"],
          ]);
          const localOf = (branchId: string, at: Date) => {
            const parts = Object.fromEntries(
              new Intl.DateTimeFormat("en-CA", {
                timeZone: zones.get(branchId)!,
                year: "numeric",
                month: "2-digit",
                day: "2-digit",
                hour: "2-digit",
                hourCycle: "h23",
              })
                .formatToParts(at)
                .map((x) => [x.type, x.value]),
            );
            return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
          };
          const checkTiers = async () => {
            for (const t of DAY_TIERS) {
              const { rows } = await sql<Record<string, unknown>>`select x.*,
                to_char(x.day, 'YYYY-MM-DD') as day_text
                from ${sql.id(company.schema_name, t.table)} x`.execute(p.ctx.db);
              expect(storedTier(t, rows), t.table).toEqual(
                expectedTier(t, expected.values(), localOf),
              );
            }
          };
          // Every month tier: the same per local month, entries and serves by weekday × hour.
          const monthOf = (branchId: string, at: Date) => {
            const { day, hour } = localOf(branchId, at);
            const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
            return { day: `${day.slice(0, 7)}-01`, hour: weekday * 24 + hour };
          };
          const checkMonths = async () => {
            for (const t of MONTH_TIERS) {
              const { rows } = await sql<Record<string, unknown>>`select x.*,
                to_char(x.month, 'YYYY-MM-DD') as day_text
                from ${sql.id(company.schema_name, t.table)} x`.execute(p.ctx.db);
              expect(
                storedTier(t, rows, ["entered_by_week_hour", "served_by_week_hour"]),
                t.table,
              ).toEqual(expectedTier(t, expected.values(), monthOf, WEEK_HOURS));
            }
          };
          await checkTiers();
          await checkMonths();
          // The migrations' backfill (every tier from the 15-minute rows at once, then every
          // month tier from its day rows) agrees.
          const s = quoteIdent(company.schema_name);
          for (const t of [...DAY_TIERS, ...MONTH_TIERS]) {
            await sql`delete from ${sql.id(company.schema_name, t.table)}`.execute(p.ctx.db);
          }
          for (const t of DAY_TIERS) await sql.raw(backfillTier(s, t)).execute(p.ctx.db);
          for (const t of MONTH_TIERS) await sql.raw(backfillMonthTier(s, t)).execute(p.ctx.db);
          await checkTiers();
          await checkMonths();

          // And an independent count straight from the log: finishes, first issues, no-shows.
          const raw = await q()
            .selectFrom("ticket_events")
            .select([
              sql<number>`count(*) filter (where type = 'FINISH')::int`.as("served"),
              sql<number>`count(*) filter (where type = 'ISSUE' and to_status = 'WAITING')::int`.as(
                "issued",
              ),
              sql<number>`count(*) filter (where type = 'MARK_NO_SHOW')::int`.as("no_show"),
            ])
            .executeTakeFirstOrThrow();
          const total = (c: "served" | "issued" | "no_show") =>
            stored.reduce((a, r) => a + r[c], 0);
          expect({
            served: total("served"),
            issued: total("issued"),
            no_show: total("no_show"),
          }).toEqual(raw);
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
