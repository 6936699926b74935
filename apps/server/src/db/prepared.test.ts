import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle, type Db } from "./database";
import { runPrepared } from "./prepared";

const base = process.env.TEST_DATABASE_URL;

type Prepared = { name: string; generic_plans: number; custom_plans: number };
const preparedOf = (h: DatabaseHandle) =>
  runPrepared(
    h.db,
    sql<Prepared>`select name, generic_plans::int, custom_plans::int
      from pg_prepared_statements where name like ${"eq\\_%"} order by name`,
  );

describe.skipIf(!base)("prepared queue statements on PostgreSQL", () => {
  let name: string;
  let url: string;
  let h: DatabaseHandle;
  const admin = () => new pg.Client({ connectionString: base });
  beforeAll(async () => {
    name = `eq_test_${randomBytes(6).toString("hex")}`;
    const c = admin();
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const u = new URL(base!);
    u.pathname = `/${name}`;
    url = u.toString();
    // One connection, so every statement below meets the same session.
    h = await openDatabase({ url, poolSize: 1, preparedPerConnection: 3 });
    await sql`create schema a; create table a.t (id int primary key, status text not null);
      insert into a.t select g, case when g % 2 = 0 then 'WAITING' else 'DONE' end
        from generate_series(1, 1000) g`.execute(h.db);
  });
  afterAll(async () => {
    await h?.close();
    const c = admin();
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });

  it("runs a marked statement as one named statement per text, with its generic plan", async () => {
    const byId = (id: number) => sql<{ id: number }>`select id from a.t where id = ${id}`;
    for (let i = 1; i <= 3; i++) {
      expect((await runPrepared(h.db, byId(i))).rows).toEqual([{ id: i }]);
    }
    const rows = (await preparedOf(h)).rows;
    const mine = rows.filter((r) => r.generic_plans + r.custom_plans >= 3);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.custom_plans).toBe(0);
    // Unmarked statements stay unnamed and keep the default plan choice.
    const { rows: mode } = await sql<{
      m: string;
    }>`select current_setting('plan_cache_mode') as m where ${1} = 1`.execute(h.db);
    expect(mode).toEqual([{ m: "auto" }]);
    expect(
      (await runPrepared(h.db, sql`select current_setting('plan_cache_mode') as m`)).rows,
    ).toEqual([{ m: "force_generic_plan" }]);
  });

  it("keeps at most its capacity per connection, dropping the least recently used", async () => {
    for (const table of ["a.t", "a.t t2", "a.t t3", "a.t t4", "a.t t5"]) {
      await runPrepared(h.db, sql`select count(*) from ${sql.raw(table)} where id < ${10}`);
    }
    // The listing is itself prepared: three at most, it among them.
    const { rows } = await preparedOf(h);
    expect(rows.length).toBeLessThanOrEqual(3);
    expect(
      (await runPrepared(h.db, sql`select count(*)::int as n from a.t where id < ${10}`)).rows,
    ).toEqual([{ n: 9 }]);
  });

  it("answers after a migration changed the table under a cached `select *`", async () => {
    const all = () => runPrepared(h.db, sql`select * from a.t where id = ${2}`);
    expect((await all()).rows).toEqual([{ id: 2, status: "WAITING" }]);
    await sql`alter table a.t add column note text`.execute(h.db);
    expect((await all()).rows).toEqual([{ id: 2, status: "WAITING", note: null }]);
  });

  it("survives a rolled-back transaction and a failed statement in one", async () => {
    const q = (db: Db = h.db) =>
      runPrepared(db, sql<{ n: number }>`select count(*)::int as n from a.t where id <= ${4}`);
    await expect(
      h.db.transaction().execute(async (trx) => {
        expect((await q(trx)).rows).toEqual([{ n: 4 }]);
        await sql`select 1/0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    expect((await q()).rows).toEqual([{ n: 4 }]);
    const { rows } = await sql<{ m: string }>`select current_setting('plan_cache_mode') as m
      where ${1} = 1`.execute(h.db);
    expect(rows).toEqual([{ m: "auto" }]);
  });
});

describe("prepared queue statements on PGlite", () => {
  it("run as plain statements", { timeout: 120_000 }, async () => {
    const h = await openDatabase({ inMemory: true });
    try {
      const { rows } = await runPrepared(h.db, sql<{ n: number }>`select ${41}::int + 1 as n`);
      expect(rows).toEqual([{ n: 42 }]);
    } finally {
      await h.close();
    }
  });
});
