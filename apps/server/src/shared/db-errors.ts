type PgError = { code?: unknown; constraint?: unknown };

/** A unique index refused the row (optionally: that index by name). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as PgError | null;
  return e?.code === "23505" && (constraint === undefined || e.constraint === constraint);
}

/** A foreign key refused the change: the row is still referenced, or points at nothing. */
export const isForeignKeyViolation = (err: unknown): boolean =>
  (err as PgError | null)?.code === "23503";
