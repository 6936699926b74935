import { sql } from "kysely";
import { openDatabase } from "../apps/server/src/db/database";
import { callNextStatement } from "../apps/server/src/modules/queue/call-next.repository";
import { logger, openPgBench } from "./lib/bench-env";
import { rawCallCycle } from "./lib/call-loop";
import { buildFixture } from "./lib/queue-fixture";
const log = logger("scratch");
const bench = await openPgBench(log, 4);
const hot = process.argv[2] !== "many";
try {
  const fx = await buildFixture(
    bench.setup,
    bench.connect,
    hot
      ? {
          companies: 1,
          branchesPerCompany: 1,
          servicesPerBranch: 1,
          operatorsPerBranch: 50,
          ticketsPerBranch: 20000,
          slugPrefix: "sc" + Math.random().toString(36).slice(2, 5),
        }
      : {
          companies: 20,
          branchesPerCompany: 5,
          servicesPerBranch: 2,
          operatorsPerBranch: 1,
          ticketsPerBranch: 300,
          slugPrefix: "sc" + Math.random().toString(36).slice(2, 5),
        },
    log,
  );
  await bench.exec("vacuum analyze");
  const raw = await openDatabase({ url: bench.db.url, poolSize: 8 });
  for (const clients of [] as number[]) {
    const r = await rawCallCycle(raw.db, fx.operators, { clients, seconds: 5, close: "cancel" });
    log(`clients ${clients}: ${JSON.stringify(r)}`);
  }
  const op = fx.operators[0]!;
  const q = callNextStatement(op.schema, { staffId: op.staffId, now: new Date() }).compile(raw.db);
  const pg = (await import("pg")).default;
  for (const mode of ["unnamed", "auto", "force_generic_plan"]) {
    const cl = new pg.Client({ connectionString: bench.db.url });
    await cl.connect();
    if (mode !== "unnamed") await cl.query(`set plan_cache_mode = ${mode}`);
    const ops = fx.operators;
    const t0 = performance.now();
    let n = 0;
    for (let i = 0; i < 400; i++) {
      const o = ops[i % ops.length]!;
      const cq = callNextStatement(o.schema, { staffId: o.staffId, now: new Date() }).compile(
        raw.db,
      );
      const r = await cl.query(
        mode === "unnamed"
          ? { text: cq.sql, values: [...cq.parameters] }
          : { name: "cn_" + o.schema, text: cq.sql, values: [...cq.parameters] },
      );
      if (r.rows[0]) {
        n++;
        await cl.query(
          `update ${o.schema}.tickets set status='CANCELLED', finished_at = now() where id = $1`,
          [r.rows[0].id],
        );
      }
    }
    console.log(
      mode,
      "calls",
      n,
      "ms per call+cancel",
      ((performance.now() - t0) / 400).toFixed(2),
    );
    await cl.end();
  }

  await raw.close();
} finally {
  await bench.close();
}
