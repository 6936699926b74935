import { TICKET_STATUS } from "@equeue/core";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import type { I18nText } from "../../db/tables";
import type { CompanyRecord } from "../tenancy";

/**
 * The live floor view: per branch and service, who waits and how long the longest has waited,
 * tickets served today (branch's day) and the service level so far; per operator, what they do
 * and since when. Read from the tickets, operator status and today's roll-ups, a few indexed
 * reads; the web page reads it again when a queue event reaches the staff room.
 */
export async function floorView(
  db: Db,
  company: CompanyRecord,
  scope: string[] | null,
  now = new Date(),
) {
  const s = company.schema_name;
  const B = sql.id(s, "branches");
  const inScope = (col: string) =>
    scope ? sql`${sql.ref(col)} = any(${scope}::uuid[])` : sql`true`;
  const branches = await sql<{ id: string; name: I18nText; time_zone: string }>`
    select id, name, time_zone from ${B} b where ${inScope("b.id")} order by code`.execute(db);
  if (branches.rows.length === 0) return { at: now, branches: [] };
  const services = await sql<{
    branch_id: string;
    id: string;
    name: I18nText;
    letter: string;
    target_wait_minutes: number | null;
  }>`select bs.branch_id, sv.id, sv.name, sv.letter, sv.target_wait_minutes
    from ${sql.id(s, "branch_services")} bs join ${sql.id(s, "services")} sv on sv.id = bs.service_id
    where bs.enabled and sv.is_active and ${inScope("bs.branch_id")}
    order by sv.letter`.execute(db);
  const waiting = await sql<{
    branch_id: string;
    service_id: string;
    waiting: number;
    oldest: Date | null;
  }>`select branch_id, service_id, count(*)::int as waiting, min(queued_at) as oldest
    from ${sql.id(s, "tickets")} t where status = ${TICKET_STATUS.WAITING} and ${inScope("t.branch_id")}
    group by 1, 2`.execute(db);
  // Served today from the tickets (the branch's own day), so the count moves with the socket
  // event; the service level so far from today's roll-ups.
  const served = await sql<{ branch_id: string; service_id: string; served: number }>`
    select t.branch_id, t.service_id, count(*)::int as served
    from ${sql.id(s, "tickets")} t join ${B} b on b.id = t.branch_id
    where t.day = (${now}::timestamptz at time zone b.time_zone)::date
      and t.status = ${TICKET_STATUS.COMPLETED} and ${inScope("t.branch_id")}
    group by 1, 2`.execute(db);
  const today = await sql<{
    branch_id: string;
    service_id: string;
    within_target: number;
    target_count: number;
  }>`select r.branch_id, r.service_id,
      sum(r.within_target)::int as within_target, sum(r.target_count)::int as target_count
    from ${sql.id(s, "report_rollups")} r join ${B} b on b.id = r.branch_id
    where r.bucket >= ((${now}::timestamptz at time zone b.time_zone)::date::timestamp at time zone b.time_zone)
      and ${inScope("r.branch_id")}
    group by 1, 2`.execute(db);
  const operators = await sql<{
    staff_id: string;
    name: string;
    branch_id: string;
    status: string;
    since: Date;
    counter: number | null;
    ticket: string | null;
    ticket_status: string | null;
    ticket_since: Date | null;
  }>`select o.staff_id, st.name, o.branch_id, o.status, o.since, c.number as counter,
      t.label as ticket, t.status as ticket_status, coalesce(t.started_at, t.called_at) as ticket_since
    from ${sql.id(s, "operator_status")} o
    join ${sql.id(s, "staff")} st on st.id = o.staff_id
    left join ${sql.id(s, "counters")} c on c.id = o.counter_id
    left join lateral (select label, status, called_at, started_at from ${sql.id(s, "tickets")} x
      where x.operator_id = o.staff_id and x.status in ('CALLED', 'SERVING')
      order by x.called_at desc limit 1) t on true
    where o.status <> 'OFFLINE' and ${inScope("o.branch_id")}
    order by st.name`.execute(db);

  const key = (b: string, sv: string) => `${b}|${sv}`;
  const waitingOf = new Map(waiting.rows.map((w) => [key(w.branch_id, w.service_id), w]));
  const todayOf = new Map(today.rows.map((w) => [key(w.branch_id, w.service_id), w]));
  const servedOf = new Map(served.rows.map((w) => [key(w.branch_id, w.service_id), w.served]));
  return {
    at: now,
    branches: branches.rows.map((b) => ({
      id: b.id,
      name: b.name,
      timeZone: b.time_zone,
      services: services.rows
        .filter((sv) => sv.branch_id === b.id)
        .map((sv) => {
          const w = waitingOf.get(key(b.id, sv.id));
          const t = todayOf.get(key(b.id, sv.id));
          const longest = w?.oldest
            ? Math.max(0, Math.round((now.getTime() - new Date(w.oldest).getTime()) / 1000))
            : null;
          const target = sv.target_wait_minutes;
          return {
            id: sv.id,
            name: sv.name,
            letter: sv.letter,
            targetWaitMinutes: target,
            waiting: w?.waiting ?? 0,
            longestWaitSeconds: longest,
            oldestQueuedAt: w?.oldest ?? null,
            servedToday: servedOf.get(key(b.id, sv.id)) ?? 0,
            serviceLevel:
              t && t.target_count > 0
                ? Math.round((t.within_target / t.target_count) * 1000) / 1000
                : null,
            overTarget: target !== null && longest !== null && longest > target * 60,
          };
        }),
      operators: operators.rows
        .filter((o) => o.branch_id === b.id)
        .map((o) => ({
          staffId: o.staff_id,
          name: o.name,
          counter: o.counter,
          state: o.ticket ? ("SERVING" as const) : (o.status as "AVAILABLE" | "BREAK" | "AWAY"),
          since: o.ticket ? (o.ticket_since ?? o.since) : o.since,
          ticket: o.ticket,
        })),
    })),
  };
}

export type FloorView = Awaited<ReturnType<typeof floorView>>;
