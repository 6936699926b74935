import { countPeopleAhead, estimateWait, isTicketToken } from "@equeue/core";
import { sql } from "kysely";
import type { I18nText } from "../../db/tables";
import type { TrackingDto } from "./queue-views.schema";
import type { CompanyQueryDb, TicketView } from "./queue.types";
import { loadWaitingLine, orderingContext, toCandidate } from "./waiting-line";

type TrackedRow = TicketView & { branch_name: I18nText; duration_minutes: number };

/** The tracking result of one followed ticket: where it is now and what its holder sees. */
export type Tracked = { ticketId: string; branchId: string; serviceId: string; view: TrackingDto };

// A chain of transfers longer than this is not a real customer journey.
const MAX_TRANSFER_HOPS = 10;

function trackedQuery(db: CompanyQueryDb) {
  return db
    .selectFrom("tickets as t")
    .innerJoin("services as s", "s.id", "t.service_id")
    .innerJoin("branches as b", "b.id", "t.branch_id")
    .leftJoin("counters as c", "c.id", "t.counter_id")
    .selectAll("t")
    .select([
      "s.name as service_name",
      "s.duration_minutes",
      "b.name as branch_name",
      "c.number as counter_number",
    ]);
}

/** The ticket a tracking token names (the original one; transfers are followed later). */
export async function findTicketIdByToken(
  db: CompanyQueryDb,
  token: string,
): Promise<string | undefined> {
  if (!isTicketToken(token)) return undefined;
  const row = await db
    .selectFrom("tickets")
    .select("id")
    .where("token", "=", token)
    .executeTakeFirst();
  return row?.id;
}

/** Where the ticket a token names is now (transfers followed), without computing its view. */
export async function locateTicket(
  db: CompanyQueryDb,
  id: string,
): Promise<{ ticketId: string; branchId: string; serviceId: string } | undefined> {
  let row = await db
    .selectFrom("tickets")
    .select(["id", "branch_id", "service_id", "status"])
    .where("id", "=", id)
    .executeTakeFirst();
  for (let hop = 0; row?.status === "TRANSFERRED" && hop < MAX_TRANSFER_HOPS; hop++) {
    const next = await db
      .selectFrom("tickets")
      .select(["id", "branch_id", "service_id", "status"])
      .where("transferred_from", "=", row.id)
      .executeTakeFirst();
    if (!next) break;
    row = next;
  }
  return row && { ticketId: row.id, branchId: row.branch_id, serviceId: row.service_id };
}

/** Follows transfers so that a token keeps showing where its customer is now. */
async function followTransfers(db: CompanyQueryDb, rows: TrackedRow[]): Promise<TrackedRow[]> {
  let current = rows;
  for (let hop = 0; hop < MAX_TRANSFER_HOPS; hop++) {
    const moved = current.filter((r) => r.status === "TRANSFERRED");
    if (moved.length === 0) break;
    const next = await trackedQuery(db)
      .where(
        "t.transferred_from",
        "in",
        moved.map((r) => r.id),
      )
      .execute();
    const successor = new Map(next.map((r) => [r.transferred_from, r]));
    current = current.map((r) => successor.get(r.id) ?? r);
    if (next.length === 0) break;
  }
  return current;
}

/**
 * Tracking views for several tickets at once (the realtime fan-out recomputes every tracker of
 * a service in one pass). Keys of the result are the ids asked for.
 */
export async function trackingViews(
  db: CompanyQueryDb,
  ticketIds: readonly string[],
  now: Date,
): Promise<Map<string, Tracked>> {
  const out = new Map<string, Tracked>();
  if (ticketIds.length === 0) return out;
  const asked = await trackedQuery(db)
    .where("t.id", "in", [...ticketIds])
    .execute();
  const followed = await followTransfers(db, asked);
  const lines = new Map<string, Promise<LineFacts>>();
  for (let i = 0; i < asked.length; i++) {
    const row = followed[i]!;
    let view: TrackingDto = baseView(row, now);
    if (row.status === "WAITING") {
      const key = `${row.branch_id}:${row.service_id}`;
      if (!lines.has(key)) lines.set(key, lineFacts(db, row.branch_id, row.service_id));
      view = withPosition(view, row, await lines.get(key)!, now);
    }
    out.set(asked[i]!.id, {
      ticketId: row.id,
      branchId: row.branch_id,
      serviceId: row.service_id,
      view,
    });
  }
  return out;
}

function baseView(row: TrackedRow, now: Date): TrackingDto {
  const atCounter = row.status === "CALLED" || row.status === "SERVING";
  return {
    label: row.label,
    status: row.status,
    serviceName: row.service_name,
    branchName: row.branch_name,
    queuedAt: row.queued_at,
    appointmentAt: row.appointment_at,
    calledAt: row.called_at,
    counterNumber: atCounter ? row.counter_number : null,
    position: null,
    peopleAhead: null,
    estimate: null,
    at: now,
  };
}

type LineFacts = Awaited<ReturnType<typeof loadWaitingLine>> & {
  operatorsServing: number;
  smoothed: number | null;
};

async function lineFacts(db: CompanyQueryDb, branchId: string, serviceId: string) {
  const line = await loadWaitingLine(db, branchId, [serviceId]);
  const serving = await db
    .selectFrom("operator_status as o")
    .innerJoin("staff_services as ss", "ss.staff_id", "o.staff_id")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("o.branch_id", "=", branchId)
    .where("o.status", "=", "AVAILABLE")
    .where("ss.service_id", "=", serviceId)
    .executeTakeFirstOrThrow();
  const stats = await db
    .selectFrom("service_stats")
    .select("smoothed_service_seconds")
    .where("branch_id", "=", branchId)
    .where("service_id", "=", serviceId)
    .executeTakeFirst();
  return {
    ...line,
    operatorsServing: serving.n,
    smoothed: stats?.smoothed_service_seconds ?? null,
  };
}

function withPosition(view: TrackingDto, row: TrackedRow, line: LineFacts, now: Date) {
  const ahead = countPeopleAhead(
    toCandidate(row),
    line.tickets.map(toCandidate),
    orderingContext(now, line.headStart),
  );
  const e = estimateWait({
    peopleAhead: ahead,
    operatorsServing: line.operatorsServing,
    smoothedServiceSeconds: line.smoothed,
    expectedServiceSeconds: row.duration_minutes * 60,
  });
  return {
    ...view,
    position: ahead + 1,
    peopleAhead: ahead,
    estimate: {
      minutes: e.minutes,
      lowMinutes: e.lowMinutes,
      highMinutes: e.highMinutes,
      noOperators: e.noOperators,
    },
  };
}
