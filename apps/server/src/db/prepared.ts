/**
 * Server-side prepared statements for the hot queue statements, with one schema per company.
 *
 * A statement run through `runPrepared` carries a marker comment. On PostgreSQL the pool's
 * clients (see `preparedStatements`) turn such a statement into a NAMED prepared statement of
 * that connection — one per (statement, schema), since the schema is part of the text — kept in
 * a bounded per-connection LRU: the least recently used one is DEALLOCATEd when the connection
 * holds `capacity` of them (a prepared call-next keeps ~0.6 MB of plan in the backend).
 *
 * Prepared statements run with `plan_cache_mode = force_generic_plan`: PostgreSQL would otherwise
 * plan each of the first five executions again (custom plans), and with hundreds of companies
 * spread over a pool most statements never get that far. The generic plan costs the same here —
 * the statements look rows up by key, not by value ranges. The setting is switched per
 * connection only when it changes: back to the default before a parameterized statement that is
 * not prepared, so the rest of the app keeps its custom plans.
 *
 * Everything else passes through unchanged; on PGlite and Citus the marker is only a comment.
 */
import { CompiledQuery, type Kysely, type QueryResult, type RawBuilder } from "kysely";
import type pg from "pg";

const MARK = "/*prepared*/ ";

/** `compiled`, marked to run as the connection's prepared statement. */
export const markPrepared = <R>(compiled: CompiledQuery<R>): CompiledQuery<R> =>
  CompiledQuery.raw(MARK + compiled.sql, [...compiled.parameters]) as CompiledQuery<R>;

/** Runs `query` as this connection's prepared statement (PostgreSQL; plain elsewhere). */
export async function runPrepared<R, DB>(
  db: Kysely<DB>,
  query: RawBuilder<R>,
): Promise<QueryResult<R>> {
  return db.executeQuery<R>(markPrepared(query.compile(db)));
}

export const DEFAULT_PREPARED_PER_CONNECTION = 128;

type PlanMode = "generic" | "default" | "unknown";

type State = {
  names: Map<string, string>; // text -> statement name, least recently used first
  seq: number;
  mode: PlanMode;
  /** Statements whose DEALLOCATE could not be sent (the transaction had failed). */
  stale: string[];
};

const STATE = Symbol("preparedStatements");
type Patched = pg.PoolClient & { [STATE]?: State };

/** Errors after which a prepared statement is dropped (and, outside a transaction, retried). */
const STALE_CODES = new Set([
  "0A000", // cached plan must not change result type (a migration changed the table)
  "26000", // prepared statement does not exist (the session was reset)
]);

type Query = (config: unknown, values?: unknown) => Promise<pg.QueryResult>;

/**
 * Makes `client` run marked statements as named prepared statements (idempotent per client).
 * `enabled` is read per statement so a pool can turn it off (Citus) after connecting.
 */
export function preparedStatements(
  client: pg.PoolClient,
  opts: { capacity: number; enabled: () => boolean },
): pg.PoolClient {
  const c = client as Patched;
  if (c[STATE] || opts.capacity <= 0) return client;
  const state: State = { names: new Map(), seq: 0, mode: "unknown", stale: [] };
  c[STATE] = state;
  const query = client.query.bind(client) as Query;
  const quiet = (text: string) => void query(text).catch(() => {});
  const setMode = (mode: Exclude<PlanMode, "unknown">) => {
    if (state.mode === mode) return;
    // SET inside a transaction that rolls back is undone; "rollback" below forgets the mode.
    quiet(
      mode === "generic" ? "set plan_cache_mode = force_generic_plan" : "reset plan_cache_mode",
    );
    state.mode = mode;
  };
  const forget = (text: string) => {
    const name = state.names.get(text);
    if (!name) return;
    state.names.delete(text);
    const conn = (client as unknown as { connection: { parsedStatements: Record<string, string> } })
      .connection;
    delete conn.parsedStatements[name];
    if (client.getTransactionStatus?.() === "E") state.stale.push(name);
    else quiet(`deallocate ${name}`);
  };
  const nameFor = (text: string): string => {
    const known = state.names.get(text);
    if (known) {
      state.names.delete(text);
      state.names.set(text, known);
      return known;
    }
    if (state.names.size >= opts.capacity) forget(state.names.keys().next().value!);
    // Never reuse a name: one whose DEALLOCATE failed may still exist in the session.
    const name = `eq_${++state.seq}`;
    state.names.set(text, name);
    return name;
  };
  const runMarked = async (text: string, values: unknown): Promise<pg.QueryResult> => {
    if (client.getTransactionStatus?.() !== "E") {
      for (const name of state.stale.splice(0)) quiet(`deallocate ${name}`);
    }
    const retry = client.getTransactionStatus?.() === "I";
    setMode("generic");
    try {
      return await query({ name: nameFor(text), text, values });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code || !STALE_CODES.has(code)) throw err;
      forget(text);
      if (!retry) throw err;
      return query({ name: nameFor(text), text, values });
    }
  };
  // Not async: pass-through calls return what pg returns (a Cursor for streamed queries).
  const patched = (config: unknown, values?: unknown): unknown => {
    if (typeof config !== "string") return query(config, values);
    if (config.startsWith(MARK) && opts.enabled()) return runMarked(config, values);
    if (Array.isArray(values) && values.length > 0) setMode("default");
    else if (/^\s*(rollback|abort)\b/i.test(config)) {
      return query(config, values).then((result) => {
        state.mode = "unknown";
        return result;
      });
    }
    return query(config, values);
  };
  (client as unknown as { query: unknown }).query = patched;
  return client;
}
