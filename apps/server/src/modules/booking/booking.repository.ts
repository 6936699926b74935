import { sql, type ExpressionBuilder } from "kysely";
import type { Database, TicketsTable } from "../../db/tables";
import type { CompanyQueryDb } from "../queue";

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const BRANCH_COLUMNS = [
  "b.id",
  "b.slug",
  "b.name",
  "b.address",
  "b.status",
  "b.time_zone",
  "b.weekly_hours",
  "b.booking_horizon_days",
  "b.check_in_early_minutes",
  "b.check_in_late_minutes",
  "b.late_arrival",
  "b.number_scheme",
  "b.daily_ticket_limit",
  "b.online_cap_per_slot",
] as const;

/** A branch by its address in URLs (slug) or its id, with its hours and booking settings. */
export function findBookingBranch(db: CompanyQueryDb, by: { slug: string } | { id: string }) {
  const q = db.selectFrom("branches as b").select(BRANCH_COLUMNS);
  return (
    "slug" in by ? q.where("b.slug", "=", by.slug) : q.where("b.id", "=", by.id)
  ).executeTakeFirst();
}

export type BookingBranchRow = NonNullable<Awaited<ReturnType<typeof findBookingBranch>>>;

/** A service as the branch offers it; `enabled` is null when the branch does not offer it. */
export function findBookingService(db: CompanyQueryDb, branchId: string, serviceId: string) {
  return db
    .selectFrom("services as s")
    .leftJoin("branch_services as bs", (join) =>
      join.onRef("bs.service_id", "=", "s.id").on("bs.branch_id", "=", branchId),
    )
    .select([
      "s.id",
      "s.name",
      "s.duration_minutes",
      "s.online_booking",
      "s.is_active",
      "s.letter",
      "s.priority",
      "bs.enabled",
    ])
    .where("s.id", "=", serviceId)
    .executeTakeFirst();
}

export type BookingServiceRow = NonNullable<Awaited<ReturnType<typeof findBookingService>>>;

/**
 * What slot generation needs beside the branch and service, as set up: the active staff who
 * handle the service at the branch (own branch or an extra one) with their schedules, and the
 * branch's exceptions on the local days `fromDay`..`toDay` (a day wider each side, so any time
 * zone is covered). Kept briefly by BookingSetups; bookings are never kept (readBookedCounts).
 */
export async function readSetupSources(
  db: CompanyQueryDb,
  branchId: string,
  serviceId: string,
  fromDay: string,
  toDay: string,
) {
  const from = isoDay(Date.parse(fromDay) - DAY_MS);
  const to = isoDay(Date.parse(toDay) + 2 * DAY_MS);
  const [operators, exceptions] = await Promise.all([
    db
      .selectFrom("staff as st")
      .select(["st.id", "st.weekly_schedule"])
      .where("st.is_active", "=", true)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("staff_services as ss")
            .select(sql`1`.as("one"))
            .whereRef("ss.staff_id", "=", "st.id")
            .where("ss.service_id", "=", serviceId),
        ),
      )
      .where((eb) =>
        eb.or([
          eb("st.branch_id", "=", branchId),
          eb.exists(
            eb
              .selectFrom("staff_branches as sb")
              .select(sql`1`.as("one"))
              .whereRef("sb.staff_id", "=", "st.id")
              .where("sb.branch_id", "=", branchId),
          ),
        ]),
      )
      .orderBy("st.id")
      .execute(),
    db
      .selectFrom("branch_exceptions")
      .select(["day", "kind", "opens_at", "closes_at"])
      .where("branch_id", "=", branchId)
      .where("day", ">=", from)
      .where("day", "<=", to)
      .execute(),
  ]);
  return { operators, exceptions };
}

/**
 * The bookings holding places — every ticket with an appointment that is not cancelled, counted
 * per start — on the local days `fromDay`..`toDay` (a day wider each side).
 */
export function readBookedCounts(
  db: CompanyQueryDb,
  branchId: string,
  serviceId: string,
  fromDay: string,
  toDay: string,
) {
  const from = isoDay(Date.parse(fromDay) - DAY_MS);
  const to = isoDay(Date.parse(toDay) + 2 * DAY_MS);
  return db
    .selectFrom("tickets")
    .select(["appointment_at", sql<number>`count(*)::int`.as("n")])
    .where("branch_id", "=", branchId)
    .where("service_id", "=", serviceId)
    .where("status", "<>", "CANCELLED")
    .where("appointment_at", ">=", new Date(`${from}T00:00:00Z`))
    .where("appointment_at", "<", new Date(`${to}T00:00:00Z`))
    .groupBy("appointment_at")
    .execute();
}

export type SlotKey = {
  branchId: string;
  serviceId: string;
  startsAt: Date;
  durationMinutes: number;
};

/**
 * Takes the lock of one slot in ONE statement: its booking_slots row, created on first use or
 * "updated" to itself, which holds the row lock until the transaction ends. Whoever asks next
 * for the same slot waits here, then counts in a new statement — and so sees the ticket the
 * previous holder committed (READ COMMITTED takes a snapshot per statement).
 */
export async function lockSlot(db: CompanyQueryDb, slot: SlotKey): Promise<void> {
  await db
    .insertInto("booking_slots")
    .values({ branch_id: slot.branchId, service_id: slot.serviceId, starts_at: slot.startsAt })
    .onConflict((oc) =>
      oc
        .columns(["branch_id", "service_id", "starts_at"])
        .doUpdateSet({ starts_at: (eb) => eb.ref("excluded.starts_at") }),
    )
    .execute();
}

/**
 * SQL counting the tickets holding a place that overlaps the slot (every ticket with an
 * appointment within one service length of its start that is not cancelled; index
 * `tickets_booked_slot`), `exceptTicket` aside. Run only under the slot's lock.
 */
export function takenSql(schema: string, slot: SlotKey, exceptTicket: string | null = null) {
  const span = slot.durationMinutes * 60_000;
  return sql<number>`select count(*)::int from ${sql.id(schema, "tickets")}
    where branch_id = ${slot.branchId} and service_id = ${slot.serviceId}
      and status <> 'CANCELLED'
      and appointment_at > ${new Date(slot.startsAt.getTime() - span)}
      and appointment_at < ${new Date(slot.startsAt.getTime() + span)}
      ${exceptTicket === null ? sql`` : sql`and id <> ${exceptTicket}`}`;
}

/**
 * Takes the slot's lock (lockSlot) and counts, under it, the places held (takenSql). Run inside
 * the transaction that then writes the booking, so the count and the write cannot race.
 */
export async function lockSlotAndCount(
  db: CompanyQueryDb,
  schema: string,
  slot: SlotKey,
  exceptTicket: string | null = null,
): Promise<number> {
  await lockSlot(db, slot);
  const result = await sql<{
    n: number;
  }>`select (${takenSql(schema, slot, exceptTicket)}) as n`.execute(db);
  return result.rows[0]!.n;
}

/** Who cancelled a booking, and why: the data of its last CANCEL event (a CANCELLED one only). */
const lastCancelData = (eb: ExpressionBuilder<Database & { t: TicketsTable }, "t">) =>
  eb
    .selectFrom("ticket_events as e")
    .select("e.data")
    .whereRef("e.ticket_id", "=", "t.id")
    .where("e.type", "=", "CANCEL")
    .where("t.status", "=", "CANCELLED")
    .orderBy("e.id", "desc")
    .limit(1)
    .as("cancel_data");

function bookingQuery(db: CompanyQueryDb) {
  return db
    .selectFrom("tickets as t")
    .innerJoin("services as s", "s.id", "t.service_id")
    .innerJoin("branches as b", "b.id", "t.branch_id")
    .leftJoin("counters as c", "c.id", "t.counter_id")
    .selectAll("t")
    .select([
      "s.name as service_name",
      "s.duration_minutes",
      "c.number as counter_number",
      "b.slug as branch_slug",
      "b.name as branch_name",
      "b.address as branch_address",
      "b.time_zone",
      "b.check_in_early_minutes",
      "b.check_in_late_minutes",
      "b.late_arrival",
    ])
    .select(lastCancelData);
}

/** The booked ticket a tracking token names (a ticket without an appointment is not one). */
export function findBookingByToken(db: CompanyQueryDb, token: string) {
  return bookingQuery(db)
    .where("t.token", "=", token)
    .where("t.appointment_at", "is not", null)
    .executeTakeFirst();
}

/** As findBookingByToken, locked for change in the caller's transaction. */
export function lockBookingByToken(db: CompanyQueryDb, token: string) {
  return bookingQuery(db)
    .where("t.token", "=", token)
    .where("t.appointment_at", "is not", null)
    .forUpdate("t")
    .executeTakeFirst();
}

export type BookingRow = NonNullable<Awaited<ReturnType<typeof findBookingByToken>>>;
