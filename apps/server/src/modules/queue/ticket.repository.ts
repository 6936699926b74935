import type { TicketStatus } from "@equeue/core";
import { sql, type Insertable, type Updateable } from "kysely";
import type { TicketsTable } from "../../db/tables";
import type {
  CompanyQueryDb,
  TicketActor,
  TicketEventType,
  TicketRow,
  TicketView,
} from "./queue.types";
import type { Db } from "../../db/database";
import { staffScopeQuery, type ScopeRow } from "./staff-scope";

/** A ticket locked for change, with what the state machine and the screens need beside it. */
export type LockedTicket = TicketView & { grace_seconds: number; time_zone: string };

/** Branches a caller may touch; "ALL" for a company admin. */
export type BranchFilter = readonly string[] | "ALL";

/** Next number in a series for one branch and day: an atomic counter row, never max()+1. */
export async function nextSeriesNumber(
  db: CompanyQueryDb,
  branchId: string,
  day: string,
  series: string,
): Promise<number> {
  const row = await db
    .insertInto("ticket_series")
    .values({ branch_id: branchId, day, series, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(["branch_id", "day", "series"]).doUpdateSet({
        last_number: sql<number>`${sql.ref("ticket_series.last_number")} + 1`,
      }),
    )
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return row.last_number;
}

// Not a ticket series (those are Latin capitals): the branch's running total for the day.
const DAY_TOTAL_SERIES = "*";

/** Counts one more ticket for the branch's day unless `limit` is reached; false when it is. */
export async function takeDailyQuota(
  db: CompanyQueryDb,
  branchId: string,
  day: string,
  limit: number,
): Promise<boolean> {
  const row = await db
    .insertInto("ticket_series")
    .values({ branch_id: branchId, day, series: DAY_TOTAL_SERIES, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(["branch_id", "day", "series"])
        .doUpdateSet({ last_number: sql<number>`${sql.ref("ticket_series.last_number")} + 1` })
        .where(sql.ref("ticket_series.last_number"), "<", limit),
    )
    .returning("last_number")
    .executeTakeFirst();
  return row !== undefined;
}

/** Creates a ticket and its first event in ONE statement (a data-modifying CTE). */
export async function insertTicketWithEvent(
  db: CompanyQueryDb,
  schema: string,
  values: Insertable<TicketsTable>,
  e: { at: Date; type: TicketEventType; actor: TicketActor; data?: Record<string, unknown> },
): Promise<TicketRow> {
  // Column names come from this code (Insertable<TicketsTable>), never from a request.
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  const result = await sql<TicketRow>`
    with created as (
      insert into ${sql.id(schema, "tickets")} (${sql.join(entries.map(([c]) => sql.id(c)))})
      values (${sql.join(entries.map(([, v]) => sql`${v}`))})
      returning *
    ), logged as (
      insert into ${sql.id(schema, "ticket_events")}
        (ticket_id, at, type, from_status, to_status, operator_id, counter_id, data)
      select id, ${e.at}::timestamptz, ${e.type}::text, null, status, ${e.actor.staffId}::uuid,
        ${e.actor.counterId}::uuid, ${JSON.stringify(e.data ?? {})}::jsonb
      from created
    )
    select * from created`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error("insert returned no ticket");
  return row;
}

/**
 * Changes a ticket still in `from` — and, when `version` is given, not changed at all since it
 * was read (its row version, PostgreSQL's xmin) — and appends its event in ONE statement (a
 * data-modifying CTE). Undefined when the ticket is no longer as expected.
 */
export async function updateTicketWithEvent(
  db: CompanyQueryDb,
  schema: string,
  id: string,
  from: TicketStatus,
  patch: Updateable<TicketsTable>,
  e: {
    at: Date;
    type: TicketEventType;
    to: TicketStatus;
    actor: TicketActor;
    data?: Record<string, unknown>;
  },
  version?: string,
): Promise<TicketRow | undefined> {
  // Column names come from this code (Updateable<TicketsTable>), never from a request.
  const set = Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => sql`${sql.id(column)} = ${value}`);
  const result = await sql<TicketRow>`
    with changed as (
      update ${sql.id(schema, "tickets")} set ${sql.join(set)}
      where id = ${id} and status = ${from}${version === undefined ? sql`` : sql` and xmin = ${version}::xid`}
      returning *
    ), logged as (
      insert into ${sql.id(schema, "ticket_events")}
        (ticket_id, at, type, from_status, to_status, operator_id, counter_id, data)
      select id, ${e.at}::timestamptz, ${e.type}::text, ${from}::text, ${e.to}::text,
        ${e.actor.staffId}::uuid, ${e.actor.counterId}::uuid, ${JSON.stringify(e.data ?? {})}::jsonb
      from changed
    )
    select * from changed`.execute(db);
  return result.rows[0];
}

function lockedTicketQuery(db: CompanyQueryDb) {
  return db
    .selectFrom("tickets as t")
    .innerJoin("services as s", "s.id", "t.service_id")
    .innerJoin("branches as b", "b.id", "t.branch_id")
    .leftJoin("counters as c", "c.id", "t.counter_id")
    .selectAll("t")
    .select([
      "s.name as service_name",
      "c.number as counter_number",
      "b.no_show_grace_seconds as grace_seconds",
      "b.time_zone as time_zone",
    ]);
}

/** Locks one ticket of the given branches for change; undefined when it is not there. */
export async function lockTicket(
  db: CompanyQueryDb,
  id: string,
  branches: BranchFilter,
): Promise<LockedTicket | undefined> {
  if (branches !== "ALL" && branches.length === 0) return undefined;
  return lockedTicketQuery(db)
    .where("t.id", "=", id)
    .$if(branches !== "ALL", (qb) => qb.where("t.branch_id", "in", branches as string[]))
    .forUpdate("t")
    .executeTakeFirst();
}

/** A ticket as read for an optimistic change: `version` is its row version (xmin). */
export type VersionedTicket = LockedTicket & { version: string };

/**
 * ONE round trip for a staff action on a ticket: the caller's scope (staffScopeQuery, as JSON)
 * and the ticket with its row version, unlocked. The change is then written only if the row
 * version is still the same (updateTicketWithEvent), so no lock is held between the two.
 */
export async function readTicketForStaff(
  db: Db,
  schema: string,
  staffId: string,
  ticketId: string,
): Promise<{ scope: ScopeRow | null; ticket: VersionedTicket | undefined }> {
  const t = (name: string) => sql.id(schema, name);
  const result = await sql<VersionedTicket & { scope: ScopeRow | null }>`
    select tk.*, (select row_to_json(sc) from (${staffScopeQuery(schema, staffId)}) sc) as scope
    from (select 1) one
    left join lateral (
      select t.*, t.xmin::text as version, s.name as service_name, c.number as counter_number,
        b.no_show_grace_seconds as grace_seconds, b.time_zone
      from ${t("tickets")} t
      join ${t("services")} s on s.id = t.service_id
      join ${t("branches")} b on b.id = t.branch_id
      left join ${t("counters")} c on c.id = t.counter_id
      where t.id = ${ticketId}) tk on true`.execute(db);
  const { scope, ...ticket } = result.rows[0]!;
  return { scope, ticket: ticket.id ? ticket : undefined };
}

/** The ticket a transfer created from `id`, if any. */
export async function findSuccessor(
  db: CompanyQueryDb,
  id: string,
): Promise<TicketRow | undefined> {
  return db.selectFrom("tickets").selectAll().where("transferred_from", "=", id).executeTakeFirst();
}
