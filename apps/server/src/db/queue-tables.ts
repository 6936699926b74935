import type { ScreenLanguage } from "@equeue/contracts";
import type { OperatorStatus, TicketSource, TicketStatus } from "@equeue/contracts";
import type { ColumnType, Generated } from "kysely";
import type { Json, NullableTimestamp, Timestamp } from "./column-types";

// The queue's tables in each company's schema: tickets, their events and number series, the
// operators' status, smoothed service times, booking slots and ratings. `tables.ts` re-exports
// them with the rest of the schema.

/** A customer's rating of one finished visit (company schema). */
export type RatingsTable = {
  ticket_id: string;
  branch_id: string;
  service_id: string;
  stars: number;
  comment: string | null;
  created_at: Generated<Date>;
};

/** The row a booking locks before it counts a slot's places (see migration 0009). */
export type BookingSlotsTable = {
  branch_id: string;
  service_id: string;
  starts_at: Date;
  created_at: Generated<Date>;
};

export type TicketStatusValue = TicketStatus;

export type TicketsTable = {
  id: Generated<string>;
  branch_id: string;
  service_id: string;
  day: ColumnType<string, string, string>;
  series: string;
  number: number;
  label: string;
  source: TicketSource;
  status: TicketStatusValue;
  priority: Generated<number>;
  queued_at: NullableTimestamp;
  appointment_at: NullableTimestamp;
  customer_name: string | null;
  customer_phone: string | null;
  /** Where booking confirmations (with a calendar file) go, when the customer gave one. */
  customer_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language the customer took the ticket in; notifications speak it (null: company's). */
  language: ColumnType<ScreenLanguage | null, ScreenLanguage | null | undefined, never>;
  token: string;
  preferred_operator_id: string | null;
  operator_id: string | null;
  counter_id: string | null;
  called_at: NullableTimestamp;
  recall_count: Generated<number>;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  outcome_note: string | null;
  transferred_from: string | null;
  /** The wait quoted at issue, whole minutes, and its range (null: no quote). */
  quoted_wait_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  quoted_wait_low: ColumnType<number | null, number | null | undefined, number | null>;
  quoted_wait_high: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TicketSeriesTable = {
  branch_id: string;
  day: ColumnType<string, string, string>;
  series: string;
  last_number: Generated<number>;
};

export type TicketEventsTable = {
  id: Generated<number>;
  ticket_id: string;
  at: Timestamp;
  type: string;
  from_status: string | null;
  to_status: string;
  operator_id: string | null;
  counter_id: string | null;
  data: Json<Record<string, unknown>>;
  /** The writing transaction (xid8, as text); filled by the column default. */
  tx: Generated<string>;
};

/** Per durable subscriber, the last event it has handled (ADR 0004). */
export type EventCursorsTable = {
  subscriber: string;
  last_tx: Generated<string>;
  last_id: Generated<number>;
  updated_at: Timestamp;
};

export type OperatorStatusValue = OperatorStatus;

export type OperatorStatusTable = {
  staff_id: string;
  branch_id: string;
  counter_id: string | null;
  status: OperatorStatusValue;
  reason: string | null;
  since: Timestamp;
};

export type ServiceStatsTable = {
  branch_id: string;
  service_id: string;
  smoothed_service_seconds: number;
  samples: Generated<number>;
  updated_at: Timestamp;
};

/** Roll-ups for reports: one row per branch × 15-minute interval × service × operator × source. */
export type ReportRollupsTable = {
  branch_id: string;
  /** The start of the 15-minute interval (the same instant in every real time zone). */
  bucket: Date;
  service_id: string;
  /** The operator the figures belong to; the zero uuid for figures of no operator. */
  operator_id: string;
  source: TicketSource;
  issued: Generated<number>;
  called: Generated<number>;
  served: Generated<number>;
  no_show: Generated<number>;
  cancelled: Generated<number>;
  expired: Generated<number>;
  transferred: Generated<number>;
  booked: Generated<number>;
  checked_in: Generated<number>;
  late: Generated<number>;
  missed: Generated<number>;
  booking_cancelled: Generated<number>;
  wait_count: Generated<number>;
  wait_sum: Generated<number>;
  wait_hist: number[];
  target_count: Generated<number>;
  within_target: Generated<number>;
  service_count: Generated<number>;
  service_sum: Generated<number>;
  service_hist: number[];
};

type DayCounters = Pick<
  ReportRollupsTable,
  | "issued"
  | "called"
  | "served"
  | "no_show"
  | "cancelled"
  | "expired"
  | "transferred"
  | "booked"
  | "checked_in"
  | "late"
  | "missed"
  | "booking_cancelled"
  | "wait_count"
  | "wait_sum"
  | "target_count"
  | "within_target"
  | "service_count"
  | "service_sum"
>;

/** The roll-ups per branch × local day × source (recomputed from the 15-minute rows). */
export type ReportDaysTable = DayCounters & {
  branch_id: string;
  day: ColumnType<string, string, string>;
  source: TicketSource;
  wait_hist: number[];
  service_hist: number[];
  /** Tickets that entered the line, by local hour 0–23. */
  entered_by_hour: number[];
  served_by_hour: number[];
};

/** The roll-ups per branch × local day × operator (the zero uuid: no operator). */
export type ReportDayOperatorsTable = DayCounters & {
  branch_id: string;
  day: ColumnType<string, string, string>;
  operator_id: string;
};

/** The roll-ups per branch × service × local day × source (as report_days, for a service). */
export type ReportDayServicesTable = ReportDaysTable & { service_id: string };

/** The roll-ups per branch × service × local day × operator (the counters). */
export type ReportDayServiceOperatorsTable = ReportDayOperatorsTable & { service_id: string };

/** Per operator × local day × branch × service × source, all of it (no zero-uuid rows). */
export type ReportDayOperatorCellsTable = ReportDaysTable & {
  operator_id: string;
  service_id: string;
};

/** A month tier's row: its day tier's row with `month` (the local month's first day) for `day`. */
type MonthOf<T> = Omit<T, "day" | "entered_by_hour" | "served_by_hour"> & {
  month: ColumnType<string, string, string>;
};
/** Entries and serves by local weekday × hour (168 values, Monday 00:00 first). */
type WeekHours = { entered_by_week_hour: number[]; served_by_week_hour: number[] };
export type ReportMonthsTable = MonthOf<ReportDaysTable> & WeekHours;
export type ReportMonthOperatorsTable = MonthOf<ReportDayOperatorsTable>;
export type ReportMonthServicesTable = MonthOf<ReportDayServicesTable> & WeekHours;
export type ReportMonthServiceOperatorsTable = MonthOf<ReportDayServiceOperatorsTable>;
export type ReportMonthOperatorCellsTable = MonthOf<ReportDayOperatorCellsTable> & WeekHours;

/** Every operator status change, written with the change (break, away and idle time). */
export type OperatorStatusLogTable = {
  id: Generated<string>;
  staff_id: string;
  branch_id: string;
  status: string;
  at: Date;
};

/** The last event (in delivery order) the roll-ups hold. */
export type ReportRollupStateTable = {
  id: number;
  last_tx: string;
  last_id: number;
  updated_at: Generated<Date>;
};
