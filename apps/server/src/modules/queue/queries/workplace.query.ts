import { WAITING_LIST_OF_SOURCE, type WaitingListKey } from "@equeue/contracts";
import { businessDay, rankCandidates } from "@equeue/core";
import { sql } from "kysely";
import type { WorkplaceDto } from "../http/queue-views.schema";
import type { CompanyQueryDb } from "../queue.types";
import { operatorServiceIds, workplaceBranchId, type StaffWorkplace } from "../staff-workplace";
import { toStaffTicket } from "./ticket.mapper";
import { loadWaitingLine, orderingContext, toCandidate } from "./waiting-line";

const LIST_LIMIT = 100;

/** Everything the operator workplace shows, in one answer (also the socket snapshot). */
export async function workplaceState(
  db: CompanyQueryDb,
  scope: StaffWorkplace,
  now: Date,
  branchOverride?: string,
): Promise<WorkplaceDto> {
  const operator = {
    id: scope.staffId,
    name: scope.name,
    role: scope.role,
    status: scope.session?.status ?? ("OFFLINE" as const),
    session: scope.session,
    defaultCounterId: scope.defaultCounterId,
  };
  const empty = { total: 0, items: [] };
  const branchId = branchOverride ?? workplaceBranchId(scope);
  const branch = branchId
    ? await db
        .selectFrom("branches")
        .select(["id", "name", "time_zone", "no_show_grace_seconds"])
        .where("id", "=", branchId)
        .executeTakeFirst()
    : undefined;
  if (!branch) {
    return {
      operator,
      branch: null,
      services: [],
      current: null,
      waiting: { online: empty, kiosk: empty, walkIn: empty },
      today: { day: null, served: 0, averageServiceSeconds: null, waitingNow: 0 },
      at: now,
    };
  }
  const serviceIds = await operatorServiceIds(db, scope.staffId, branch.id);
  const services = serviceIds.length
    ? await db
        .selectFrom("services")
        .select(["id", "name", "letter"])
        .where("id", "in", serviceIds)
        .orderBy("letter")
        .execute()
    : [];
  const { tickets, headStart } = await loadWaitingLine(db, branch.id, serviceIds);
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const ranked = rankCandidates(tickets.map(toCandidate), {
    ...orderingContext(now, headStart),
    operatorId: scope.staffId,
    serviceIds,
  }).map((c) => byId.get(c.id)!);
  // Each list by WAITING_LIST_OF_SOURCE: API tickets go with the online ones.
  const list = (key: WaitingListKey) => {
    const all = ranked.filter((t) => WAITING_LIST_OF_SOURCE[t.source] === key);
    return { total: all.length, items: all.slice(0, LIST_LIMIT).map(toStaffTicket) };
  };
  const day = businessDay(now, branch.time_zone);
  const figures = await db
    .selectFrom("tickets")
    .select([
      sql<number>`count(*)::int`.as("served"),
      sql<number | null>`avg(extract(epoch from finished_at - started_at))::float8`.as("avg"),
    ])
    .where("operator_id", "=", scope.staffId)
    .where("status", "=", "COMPLETED")
    .where("day", "=", day)
    .executeTakeFirstOrThrow();
  return {
    operator,
    branch: {
      id: branch.id,
      name: branch.name,
      timeZone: branch.time_zone,
      noShowGraceSeconds: branch.no_show_grace_seconds,
    },
    services,
    current: await currentTicket(db, scope),
    waiting: {
      [WAITING_LIST_OF_SOURCE.ONLINE]: list(WAITING_LIST_OF_SOURCE.ONLINE),
      [WAITING_LIST_OF_SOURCE.KIOSK]: list(WAITING_LIST_OF_SOURCE.KIOSK),
      [WAITING_LIST_OF_SOURCE.WALK_IN]: list(WAITING_LIST_OF_SOURCE.WALK_IN),
    },
    today: {
      day,
      served: figures.served,
      averageServiceSeconds: figures.avg === null ? null : Math.round(figures.avg),
      waitingNow: ranked.length,
    },
    at: now,
  };
}

async function currentTicket(db: CompanyQueryDb, scope: StaffWorkplace) {
  if (!scope.currentTicket) return null;
  const row = await db
    .selectFrom("tickets as t")
    .innerJoin("services as s", "s.id", "t.service_id")
    .leftJoin("counters as c", "c.id", "t.counter_id")
    .selectAll("t")
    .select(["s.name as service_name", "c.number as counter_number"])
    .where("t.id", "=", scope.currentTicket.id)
    .executeTakeFirst();
  return row ? toStaffTicket(row) : null;
}
