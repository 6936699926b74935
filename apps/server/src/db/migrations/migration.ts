/** A forward-only migration: one SQL statement per entry (PGlite runs one statement per call). */
export type Migration = {
  version: number;
  name: string;
  /** Statements to run; `schema` is the already-quoted schema identifier. */
  statements: (schema: string) => string[];
};
