type PgError = { code?: unknown; constraint?: unknown; message?: unknown };

const CONSTRAINT_IN_MESSAGE = /constraint "([^"]+)"/;

/**
 * The index or constraint an error names. PostgreSQL and PGlite give it as `constraint`; Citus
 * relays a worker's error without that field, in the message only, and names the shard's index
 * (`operator_status_counter_102032`) — see constraintMatches.
 */
export function constraintOf(err: unknown): string | undefined {
  const e = err as PgError | null;
  if (typeof e?.constraint === "string") return e.constraint;
  if (typeof e?.message !== "string") return undefined;
  return CONSTRAINT_IN_MESSAGE.exec(e.message)?.[1];
}

/** `actual` is the index `name`, or one of its Citus shards (the name plus `_<shard id>`). */
export const constraintMatches = (actual: string | undefined, name: string): boolean =>
  actual === name ||
  (actual !== undefined &&
    actual.startsWith(`${name}_`) &&
    /^\d+$/.test(actual.slice(name.length + 1)));

/** A unique index refused the row (optionally: that index by name, on any shard of it). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as PgError | null;
  return (
    e?.code === "23505" &&
    (constraint === undefined || constraintMatches(constraintOf(err), constraint))
  );
}

/** A foreign key refused the change: the row is still referenced, or points at nothing. */
export const isForeignKeyViolation = (err: unknown): boolean =>
  (err as PgError | null)?.code === "23503";

type ConnError = { code?: unknown; message?: unknown; cause?: unknown };

// PostgreSQL: 08* connection exceptions, 57P01-03 admin shutdown / crash / cannot connect now,
// 53300 too many connections. Node: the socket was refused, reset or timed out.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_ERRNO = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// pg raises these without a code when the socket goes away or the pool cannot hand out a client.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|terminating connection/i;

/**
 * The database cannot be reached or dropped the connection (restart, failover, idle timeout,
 * network): the request may succeed if tried again in a moment. Not a bug to report as 500.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as ConnError | null, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === "string") {
      if (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_ERRNO.has(e.code)) return true;
    }
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    // AggregateError (several addresses refused) and wrapped causes.
    const inner = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.some((x) => isDatabaseUnavailable(x))) return true;
    e = e.cause as ConnError | null;
  }
  return false;
}

/**
 * No connection could be opened at all (refused, server starting or shutting down, too many
 * connections, timed out waiting): nothing was sent, so any statement may be tried again.
 */
export function isConnectFailure(err: unknown): boolean {
  const e = err as ConnError | null;
  if (!e) return false;
  if (typeof e.code === "string" && /^(57P03|53300|ECONNREFUSED|ENOTFOUND|EAI_AGAIN)$/.test(e.code))
    return true;
  if (typeof e.message === "string" && /timeout exceeded when trying to connect/i.test(e.message))
    return true;
  const inner = (e as { errors?: unknown[] }).errors;
  return Array.isArray(inner) && inner.length > 0 && inner.every((x) => isConnectFailure(x));
}
