/**
 * What the durable-event sweep costs over many idle companies (ADR 0004): creates N company
 * schemas on a throwaway PostgreSQL database (no HTTP, no admin) and times
 * `EventDispatcher.sweep()` over all of them: one index probe per company.
 * Usage: npx tsx bench/event-sweep.ts [companies=300]
 */
import pino from "pino";
import { migrateCompanySchema, migratePlatform, openDatabase } from "@equeue/server/db";
import { EventDispatcher, durableSubscribers } from "@equeue/server/queue";
import { createThrowawayDatabase } from "./lib/pg";

const n = Number(process.argv[2] ?? 300);
const tdb = await createThrowawayDatabase("eq_sweep");
const { db, close } = await openDatabase({ url: tdb.url, poolSize: 10 });
try {
  await migratePlatform(db);
  let t = performance.now();
  for (let i = 0; i < n; i++) {
    const schema = `t_sweep${i}`;
    await db.transaction().execute(async (trx) => {
      const version = await migrateCompanySchema(trx, schema, { create: true });
      await trx
        .insertInto("platform.companies")
        .values({
          slug: `sweep${i}`,
          schema_name: schema,
          name: `Sweep ${i}`,
          status: "ACTIVE",
          admin_email: `a${i}@x.uz`,
          default_language: "uz",
          schema_version: version,
        })
        .execute();
    });
  }
  console.log(`created ${n} company schemas in ${Math.round(performance.now() - t)} ms`);
  const log = pino({ level: "warn" });
  const dispatcher = new EventDispatcher(
    db,
    [],
    durableSubscribers,
    { batchSize: 500, concurrency: 4, sweepSeconds: 0, hold: false },
    log,
  );
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const r = await dispatcher.sweep();
    times.push(performance.now() - t);
    if (i === 0) console.log(`sweep result: ${JSON.stringify(r)}`);
  }
  times.sort((a, b) => a - b);
  console.log(
    `sweep over ${n} idle companies: median ${times[2]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)}); ${((times[2]! / n) * 1000).toFixed(0)} µs per company`,
  );
  await dispatcher.stop();
} finally {
  await close();
  await tdb.drop();
}
