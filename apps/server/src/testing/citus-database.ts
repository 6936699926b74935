import pg from "pg";

/** The URL `base` with another database (and optionally another host and port). */
export function databaseAt(
  base: string,
  name: string,
  node?: { host: string; port: number },
): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  if (node) {
    url.hostname = node.host;
    url.port = String(node.port);
  }
  return url.toString();
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const REGISTRATION_LOCK = 7301002;

/**
 * A throwaway database on a Citus cluster (tests, benchmarks; docs/citus.md). `base` is a
 * database on the coordinator where the
 * cluster is already set up (citus extension, coordinator and workers registered): its
 * pg_dist_node says where the nodes are. Citus keeps its metadata per database, so the new
 * database is created on every node with the extension, the nodes are registered in it, and
 * schema-based sharding is switched on for it as an operator would.
 */
export async function createCitusDatabase(
  base: string,
  name: string,
): Promise<() => Promise<void>> {
  const nodes = await withClient(base, async (c) => {
    const { rows } = await c.query<{ host: string; port: number; worker: boolean }>(
      `select nodename as host, nodeport as port, groupid <> 0 as worker
       from pg_dist_node where noderole = 'primary' and isactive order by groupid`,
    );
    return rows;
  });
  const coordinator = nodes.find((n) => !n.worker);
  const workers = nodes.filter((n) => n.worker);
  if (!coordinator || workers.length === 0)
    throw new Error("TEST_CITUS_URL: register the coordinator and the workers in its database");
  const everywhere = [coordinator, ...workers];
  for (const node of everywhere) {
    await withClient(databaseAt(base, "postgres", node), (c) => c.query(`create database ${name}`));
    await withClient(databaseAt(base, name, node), (c) => c.query("create extension citus"));
  }
  // Registering the nodes syncs the role to every worker (ALTER ROLE, a catalog shared by all
  // databases): two test files doing it at once fail with "tuple concurrently updated". One at
  // a time, under a lock in the base database.
  await withClient(base, async (lock) => {
    await lock.query("select pg_advisory_lock($1)", [REGISTRATION_LOCK]);
    await withClient(databaseAt(base, name), async (c) => {
      await c.query("select citus_set_coordinator_host($1, $2)", [
        coordinator.host,
        coordinator.port,
      ]);
      for (const w of workers) await c.query("select citus_add_node($1, $2)", [w.host, w.port]);
      await c.query(`alter database ${name} set citus.enable_schema_based_sharding = on`);
    });
  });
  return async () => {
    for (const node of everywhere) {
      await withClient(databaseAt(base, "postgres", node), (c) => dropDatabase(c, name));
    }
  };
}

/**
 * FORCE ends the sessions in the database, but not Citus's maintenance daemon for it when that
 * is just starting on a worker ("being accessed by other users", 55006): it goes away by itself.
 */
async function dropDatabase(c: pg.Client, name: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await c.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "55006" || attempt === 20) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The database at `url` has the Citus extension. */
export const hasCitus = (url: string): Promise<boolean> =>
  withClient(url, async (c) => {
    const { rows } = await c.query<{ n: number }>(
      "select count(*)::int as n from pg_extension where extname = 'citus'",
    );
    return (rows[0]?.n ?? 0) > 0;
  });
