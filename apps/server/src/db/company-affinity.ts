/**
 * Company affinity for the request pool (PostgreSQL, prepared statements on).
 *
 * Each connection keeps its prepared statements per (statement, schema) in a bounded LRU
 * (db/prepared.ts). With every connection serving every company, a hundred companies with a few
 * hot statements each overflow every connection's LRU, and most statements are planned again:
 * measured on the call-next benchmark, the app's own statements ran 1,150 calls/s over 25
 * companies and 411 over 100 on the same machine in the same minute. So the pool is split into
 * partitions and each company has a home partition (a hash of its schema): its statements are
 * prepared on few connections and stay there. A company never waits while another partition has
 * an idle connection — it borrows it — so one busy company still gets the whole pool.
 */
import { Kysely, PostgresDialect, type PostgresPoolClient } from "kysely";
import type pg from "pg";

type Partition = { pool: pg.Pool; connect: () => Promise<PostgresPoolClient>; max: number };

/** FNV-1a of the key: stable across processes, so every node sends a company to the same home. */
const hashOf = (key: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** How many partitions a pool of `size` connections gets: two or more connections each. */
export const partitionsFor = (size: number) => Math.max(1, Math.min(8, Math.floor(size / 2)));

export class AffinePool {
  private readonly parts: Partition[];
  /** Connections handed out or asked for, per partition, and not released yet. */
  private readonly busy: number[];

  constructor(parts: Partition[]) {
    this.parts = parts;
    this.busy = parts.map(() => 0);
  }

  get pools(): pg.Pool[] {
    return this.parts.map((p) => p.pool);
  }

  /**
   * A connection at `home` when it has one to give, else a free one elsewhere; when every
   * connection is busy, in home's line unless it is more than twice the shortest line plus
   * home's connections (so one busy company still spreads over the whole pool). Counts are our
   * own, kept as connections are asked for and released: pg's pool counts lag behind a burst of
   * requests.
   *
   * Under saturation the lines are long and uneven by chance. Going to the shortest line as
   * soon as home's was longer by one sent 30 % of a hundred companies' statements away from
   * home; each was planned again there (13 ms of the database's time for call-next, more than
   * the rest of the call) and pushed another company's statement out of that connection's LRU.
   * Waiting in a longer line costs that one request a few statements' time instead.
   */
  connect(home: number | null): Promise<PostgresPoolClient> {
    const load = (i: number) => this.busy[i]! - this.parts[i]!.max;
    let best = 0;
    for (let i = 1; i < this.parts.length; i++) if (load(i) < load(best)) best = i;
    if (home === null) return this.take(best);
    if (load(home) < 0 || load(best) >= 0) {
      // Home has one free, or every connection is busy and home's line is not much longer.
      if (load(home) <= 2 * Math.max(load(best), 0) + this.parts[home]!.max) return this.take(home);
    }
    return this.take(best);
  }

  private async take(i: number): Promise<PostgresPoolClient> {
    this.busy[i]!++;
    let client: PostgresPoolClient;
    try {
      client = await this.parts[i]!.connect();
    } catch (err) {
      this.busy[i]!--;
      throw err;
    }
    // pg's pool gives each checkout its own release function: count this one's end.
    const release = client.release.bind(client) as (err?: unknown) => void;
    client.release = (err?: unknown) => {
      this.busy[i]!--;
      release(err);
    };
    return client;
  }

  homeOf(key: string): number {
    return hashOf(key) % this.parts.length;
  }

  end(): Promise<void> {
    return Promise.all(this.parts.map((p) => p.pool.end())).then(() => undefined);
  }
}

const affine = new WeakMap<object, (key: string) => object>();

/**
 * The root database over an affine pool, and one database per partition that prefers it;
 * `forKey` (used by companyDb) picks a company's. Only the root owns the pools.
 */
export function affineDatabases<DB>(pool: AffinePool, n: number): Kysely<DB> {
  const make = (home: number | null, end: () => Promise<void>) =>
    new Kysely<DB>({
      dialect: new PostgresDialect({ pool: { connect: () => pool.connect(home), end } }),
    });
  const root = make(null, () => pool.end());
  const homes = Array.from({ length: n }, (_, i) => make(i, async () => {}));
  affine.set(root, (key) => homes[pool.homeOf(key)]!);
  return root;
}

/** The partition database of `key` (a company's schema) when `db` is an affine root, else `db`. */
export const affineDb = <DB>(db: Kysely<DB>, key: string): Kysely<DB> =>
  (affine.get(db)?.(key) as Kysely<DB> | undefined) ?? db;
