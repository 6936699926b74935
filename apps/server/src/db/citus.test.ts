import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../testing";
import { createQueueCompany } from "../testing/queue-factories";
import { isCitus } from "./database";
import { migratePlatform } from "./migrator";

// Runs only against a Citus cluster (docs/citus.md): TEST_CITUS_URL=postgres://…:5440/postgres
describe.skipIf(!process.env.TEST_CITUS_URL)(
  "on a Citus cluster with schema-based sharding",
  () => {
    let p: TestPlatform;
    beforeAll(async () => {
      p = await createTestPlatform({}, { dayEndWorker: false });
    });
    afterAll(() => p.close());

    const distributedSchemas = async () =>
      (
        await sql<{
          name: string;
        }>`select schema_name::text as name from citus_schemas order by 1`.execute(p.ctx.db)
      ).rows.map((r) => r.name);

    it("gives each company its own distributed schema on a worker and keeps platform on the coordinator", async () => {
      expect(isCitus(p.ctx.db)).toBe(true);
      const { company } = await createQueueCompany(p);
      expect(await distributedSchemas()).toEqual([company.schema_name]);
      const { rows } = await sql<{ table: string; port: number }>`
      select s.table_name::text as table, s.nodeport as port from citus_shards s
      where s.table_name::text like ${`${company.schema_name}.%`}`.execute(p.ctx.db);
      expect(rows.length).toBeGreaterThan(10);
      // One colocation group: every table of the company on the same node, and not the coordinator.
      expect(new Set(rows.map((r) => r.port)).size).toBe(1);
      const coordinator = await sql<{
        port: number;
      }>`select nodeport as port from pg_dist_node where groupid = 0`.execute(p.ctx.db);
      expect(rows[0]!.port).not.toBe(coordinator.rows[0]!.port);
    });

    it("moves platform back to the coordinator when an earlier start let Citus distribute it", async () => {
      // A database where platform was created while schema-based sharding was on.
      await p.ctx.db.transaction().execute(async (trx) => {
        await sql`drop schema platform cascade`.execute(trx);
        await sql`set local citus.enable_schema_based_sharding = on`.execute(trx);
        await sql`create schema platform`.execute(trx);
      });
      expect(await distributedSchemas()).toContain("platform");
      expect(await migratePlatform(p.ctx.db)).toBeGreaterThan(0);
      expect(await distributedSchemas()).not.toContain("platform");
      const local = await sql<{ n: number }>`select count(*)::int as n from citus_shards
      where table_name::text like 'platform.%'`.execute(p.ctx.db);
      expect(local.rows[0]!.n).toBe(0);
    });
  },
);
