import type { ColumnType } from "kysely";

/** timestamptz: read as a Date, written as a Date or an ISO string (a default when left out). */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A timestamptz that may be null. */
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** jsonb: read as T, written as its JSON text. */
export type Json<T> = ColumnType<T, string | undefined, string>;
