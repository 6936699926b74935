import { randomBytes, randomUUID } from "node:crypto";
import {
  TICKET_TOKEN_BYTES,
  addDays,
  businessDay,
  createTicketToken,
  formatTicketNumber,
  seriesFor,
  type NumberScheme,
} from "@equeue/core";
import { sql, type Insertable } from "kysely";
import type { AppContext } from "../app-context";
import type { TicketEventsTable, TicketsTable } from "../db/tables";
import { companyDb, type CompanyRecord } from "../modules/tenancy";
import { reportRollupSubscriber } from "../modules/reports";
import { storedEvents } from "../modules/reports/reports.fixtures";
import { planDay, type DayHours } from "./history-plan";
import { simulateDay, type SimOperator, type SimStatus, type SimTicket } from "./history-sim";
import { createRng, seedOf } from "./prng";

/**
 * Writes about four weeks of a demo company's past: tickets and their `ticket_events` exactly as
 * the queue commands leave them (statuses, times, quoted waits, operators and counters), the
 * operators' status changes, ratings and the day's number series, then pokes the event
 * dispatcher: the report roll-ups are built from those events by their own subscriber, the same
 * way as for real activity. Today's customers who have not been called yet stay waiting; an
 * always-open branch gets a few waiting now whatever the hour, so its screens are not empty.
 */

export type HistoryBranch = {
  id: string;
  code: string;
  /** Expected walk-in, kiosk and online tickets on an ordinary Tuesday. */
  base: number;
  alwaysOpen: boolean;
  operators: SimOperator[];
};
export type HistoryService = { id: string; letter: string; minutes: number; share: number };

export const HISTORY_DAYS = 28;
const MIN = 60_000;
const CHUNK = 1000;

export async function seedHistory(
  ctx: AppContext,
  company: CompanyRecord,
  input: { branches: HistoryBranch[]; services: HistoryService[]; now?: Date },
): Promise<{ tickets: number; events: number }> {
  const now = (input.now ?? new Date()).getTime();
  const q = companyDb(ctx.db, company);
  const rows = await q
    .selectFrom("branches")
    .select(["id", "time_zone", "weekly_hours", "number_scheme"])
    .execute();
  const tickets: (SimTicket & { branchId: string; day: string })[] = [];
  const status: (SimStatus & { branchId: string })[] = [];
  for (const b of input.branches) {
    const row = rows.find((r) => r.id === b.id)!;
    const hours = row.weekly_hours as unknown as Record<string, DayHours | undefined>;
    const branch = { timeZone: row.time_zone, weeklyHours: hours, base: b.base };
    const today = businessDay(new Date(now), row.time_zone);
    for (let i = HISTORY_DAYS; i >= 0; i--) {
      const day = addDays(today, -i);
      const rng = createRng(seedOf(`${company.slug}/${b.code}/${day}`));
      const plan = planDay(rng, branch, b.operators, day, i);
      if (!plan) continue;
      const sim = simulateDay(rng, plan, input.services);
      // Today: what has happened by now; a customer not called yet is still waiting.
      for (const t of sim.tickets) {
        const past = t.events.filter((e) => e.at < now);
        if (past.length === 0 || (past.length < t.events.length && past.at(-1)!.to !== "WAITING"))
          continue;
        if (past.length < t.events.length) {
          t.events = past;
          t.rating = null;
        }
        if (t.rating && t.rating.at >= now) t.rating = null;
        tickets.push({
          ...t,
          branchId: b.id,
          day: businessDay(new Date(t.appointmentAt ?? t.events[0]!.at), row.time_zone),
        });
      }
      status.push(...sim.status.filter((s) => s.at < now).map((s) => ({ ...s, branchId: b.id })));
    }
    if (b.alwaysOpen)
      tickets.push(...waitingNow(b, input.services, tickets, now, row.time_zone, company.slug));
    // Whoever the day left at work has gone home by now (the live status says OFFLINE).
    for (const op of b.operators) {
      const last = status.filter((s) => s.staffId === op.id).at(-1);
      if (last && last.status !== "OFFLINE")
        status.push({ staffId: op.id, status: "OFFLINE", at: now - MIN, branchId: b.id });
    }
  }
  const scheme = new Map(rows.map((r) => [r.id, r.number_scheme as NumberScheme]));
  const letter = new Map(input.services.map((s) => [s.id, s.letter]));
  const { ticketRows, eventRows, series } = toRows(tickets, scheme, letter);
  await ctx.db.transaction().execute(async (trx) => {
    const t = companyDb(trx, company);
    for (let i = 0; i < ticketRows.length; i += CHUNK)
      await t
        .insertInto("tickets")
        .values(ticketRows.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < eventRows.length; i += CHUNK)
      await t
        .insertInto("ticket_events")
        .values(eventRows.slice(i, i + CHUNK))
        .execute();
    const ratings = tickets.flatMap((x, i) =>
      x.rating
        ? [
            {
              ticket_id: ticketRows[i]!.id!,
              branch_id: x.branchId,
              service_id: x.serviceId,
              stars: x.rating.stars,
              comment: x.rating.comment,
              created_at: new Date(x.rating.at),
            },
          ]
        : [],
    );
    for (let i = 0; i < ratings.length; i += CHUNK)
      await t
        .insertInto("ratings")
        .values(ratings.slice(i, i + CHUNK))
        .execute();
    // The company's totals, as rating a visit keeps them (the admin's average, the public list).
    if (ratings.length) {
      const stars = ratings.reduce((sum, r) => sum + r.stars, 0);
      await trx
        .insertInto("platform.company_ratings")
        .values({ company_id: company.id, ratings: ratings.length, stars_total: stars })
        .onConflict((oc) =>
          oc.column("company_id").doUpdateSet({
            ratings: sql`platform.company_ratings.ratings + ${ratings.length}`,
            stars_total: sql`platform.company_ratings.stars_total + ${stars}`,
          }),
        )
        .execute();
    }
    const log = status.map((s) => ({
      staff_id: s.staffId,
      branch_id: s.branchId,
      status: s.status,
      at: new Date(s.at),
    }));
    for (let i = 0; i < log.length; i += CHUNK)
      await t
        .insertInto("operator_status_log")
        .values(log.slice(i, i + CHUNK))
        .execute();
    if (series.length)
      await t
        .insertInto("ticket_series")
        .values(series)
        .onConflict((oc) => oc.columns(["branch_id", "day", "series"]).doNothing())
        .execute();
    const stats = serviceStats(tickets, now);
    if (stats.length) await t.insertInto("service_stats").values(stats).execute();
    // The roll-ups' own entry point, over the whole history at once (the dispatcher would hand
    // it over in batches of 500); it records the last event it holds, so when the dispatcher
    // delivers these events later the subscriber skips them.
    const events = await storedEvents(trx, company);
    await reportRollupSubscriber.handle({ db: trx, company: t }, company, events);
  });
  // The other subscribers (the ticket index among them) read the events as usual.
  ctx.events.poke(company);
  return { tickets: ticketRows.length, events: eventRows.length };
}

/** A few customers waiting now at an always-open branch, besides any the day left waiting. */
function waitingNow(
  b: HistoryBranch,
  services: HistoryService[],
  tickets: { branchId: string; events: { to: string }[] }[],
  now: number,
  timeZone: string,
  slug: string,
): (SimTicket & { branchId: string; day: string })[] {
  const rng = createRng(seedOf(`${slug}/${b.code}/now/${businessDay(new Date(now), timeZone)}`));
  const already = tickets.filter(
    (t) => t.branchId === b.id && t.events.at(-1)!.to === "WAITING",
  ).length;
  const out: (SimTicket & { branchId: string; day: string })[] = [];
  for (let i = already; i < 5; i++) {
    const at = now - (5 - i) * rng.between(2, 5) * MIN;
    const service = rng.pick(services);
    const source = rng.pick(["KIOSK", "KIOSK", "WALK_IN", "ONLINE"] as const);
    const minutes = Math.round((i * service.minutes * 0.9) / Math.max(1, b.operators.length));
    out.push({
      branchId: b.id,
      day: businessDay(new Date(now), timeZone),
      serviceId: service.id,
      source,
      appointmentAt: null,
      quote: {
        minutes,
        low: Math.max(0, Math.round(minutes * 0.7) - 1),
        high: Math.round(minutes * 1.3) + 3,
      },
      rating: null,
      events: [{ at, type: "ISSUE", from: null, to: "WAITING", operatorId: null, counterId: null }],
    });
  }
  return out;
}

/** Numbers per branch, business day and series in issue order; the rows as the commands write them. */
function toRows(
  tickets: (SimTicket & { branchId: string; day: string })[],
  scheme: Map<string, NumberScheme>,
  letter: Map<string, string>,
) {
  const order = tickets
    .map((_, i) => i)
    .sort((a, b) => tickets[a]!.events[0]!.at - tickets[b]!.events[0]!.at);
  const last = new Map<string, number>();
  const ticketRows: Insertable<TicketsTable>[] = new Array(tickets.length);
  for (const i of order) {
    const t = tickets[i]!;
    const series = seriesFor({
      scheme: scheme.get(t.branchId)!,
      source: t.source,
      serviceLetter: letter.get(t.serviceId),
    });
    const key = `${t.branchId}|${t.day}|${series}`;
    const number = (last.get(key) ?? 0) + 1;
    last.set(key, number);
    const at = (type: string) => t.events.find((e) => e.type === type)?.at;
    const d = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));
    const end = t.events.at(-1)!;
    const call = t.events.findLast((e) => e.type === "CALL");
    const entry = t.events.findLast((e) => e.to === "WAITING" && e.type !== "CALL");
    ticketRows[i] = {
      id: randomUUID(),
      branch_id: t.branchId,
      service_id: t.serviceId,
      day: t.day,
      series,
      number,
      label: formatTicketNumber(series, number),
      source: t.source,
      status: end.to as TicketsTable["status"],
      queued_at: d(entry?.at),
      appointment_at: d(t.appointmentAt ?? undefined),
      token: createTicketToken(randomBytes(TICKET_TOKEN_BYTES)),
      operator_id: call?.operatorId ?? null,
      counter_id: call?.counterId ?? null,
      called_at: d(call?.at),
      started_at: d(at("START")),
      finished_at: ["COMPLETED", "NO_SHOW", "CANCELLED", "EXPIRED"].includes(end.to)
        ? new Date(end.at)
        : null,
      quoted_wait_minutes: t.quote?.minutes ?? null,
      quoted_wait_low: t.quote?.low ?? null,
      quoted_wait_high: t.quote?.high ?? null,
      created_at: new Date(t.events[0]!.at),
      updated_at: new Date(end.at),
    };
  }
  const eventRows: Insertable<TicketEventsTable>[] = tickets
    .flatMap((t, i) => t.events.map((e) => ({ e, id: ticketRows[i]!.id!, source: t.source })))
    .sort((a, b) => a.e.at - b.e.at)
    .map(({ e, id, source }) => ({
      ticket_id: id,
      at: new Date(e.at),
      type: e.type,
      from_status: e.from,
      to_status: e.to,
      operator_id: e.operatorId,
      counter_id: e.counterId,
      data: JSON.stringify(e.type === "ISSUE" ? { source } : {}),
    }));
  const series = [...last].map(([key, last_number]) => {
    const [branch_id, day, s] = key.split("|") as [string, string, string];
    return { branch_id, day, series: s, last_number };
  });
  return { ticketRows, eventRows, series };
}

/** The branches' smoothed service times, as the finishes would have left them (their mean). */
function serviceStats(tickets: (SimTicket & { branchId: string })[], now: number) {
  const sums = new Map<string, { n: number; s: number }>();
  for (const t of tickets) {
    const start = t.events.find((e) => e.type === "START")?.at;
    const finish = t.events.find((e) => e.type === "FINISH")?.at;
    if (start === undefined || finish === undefined) continue;
    const k = `${t.branchId}|${t.serviceId}`;
    const v = sums.get(k) ?? { n: 0, s: 0 };
    sums.set(k, { n: v.n + 1, s: v.s + (finish - start) / 1000 });
  }
  return [...sums].map(([k, v]) => {
    const [branch_id, service_id] = k.split("|") as [string, string];
    return {
      branch_id,
      service_id,
      smoothed_service_seconds: v.s / v.n,
      samples: v.n,
      updated_at: new Date(now),
    };
  });
}
