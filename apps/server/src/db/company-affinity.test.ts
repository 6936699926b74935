import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyDb } from "../modules/tenancy";
import { partitionsFor } from "./company-affinity";
import { openDatabase, type DatabaseHandle, type Db } from "./database";

const base = process.env.TEST_DATABASE_URL;

const pidOf = async (db: Db) =>
  (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;

describe.skipIf(!base)("a company's statements stay on its home connections", () => {
  let h: DatabaseHandle;
  // Four connections: two partitions of two.
  beforeAll(async () => {
    h = await openDatabase({ url: base, poolSize: 4 });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Two schema names whose homes differ (the hash decides; find a pair). */
  const twoHomes = async () => {
    const a = { schema_name: "t_a0" };
    const homeA = new Set<number>();
    for (let i = 0; i < 6; i++) homeA.add(await pidOf(companyDb(h.db, a)));
    for (let i = 1; i < 50; i++) {
      const b = { schema_name: `t_b${i}` };
      const pid = await pidOf(companyDb(h.db, b));
      if (!homeA.has(pid)) return { a, b, homeA };
    }
    throw new Error("no schema name with another home among 50");
  };

  it("splits a pool into partitions of at least two connections", () => {
    expect(partitionsFor(1)).toBe(1);
    expect(partitionsFor(4)).toBe(2);
    expect(partitionsFor(10)).toBe(5);
    expect(partitionsFor(200)).toBe(8);
  });

  it("sends one company's statements to at most its partition's connections", async () => {
    const { a, b, homeA } = await twoHomes();
    expect(homeA.size).toBeLessThanOrEqual(2);
    const homeB = new Set<number>();
    for (let i = 0; i < 6; i++) homeB.add(await pidOf(companyDb(h.db, b)));
    expect(homeB.size).toBeLessThanOrEqual(2);
    expect([...homeB].some((pid) => homeA.has(pid))).toBe(false);
    // Transactions on the company's handle start at home too.
    const inTrx = await companyDb(h.db, a)
      .transaction()
      .execute((trx) => pidOf(trx));
    expect(homeA.has(inTrx)).toBe(true);
  });

  /** `n` transactions of `company` that hold their connections until released. */
  const hold = (company: { schema_name: string }, n: number) => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const pids: number[] = [];
    const done = Array.from({ length: n }, () =>
      companyDb(h.db, company)
        .transaction()
        .execute(async (trx) => {
          pids.push(await pidOf(trx));
          await held;
        }),
    );
    return { pids, release: () => (release(), Promise.all(done)) };
  };
  const until = async (ok: () => boolean) => {
    for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it("borrows an idle connection when its home is busy", async () => {
    const { a } = await twoHomes();
    const home = hold(a, 2);
    await until(() => home.pids.length === 2);
    const borrowed = await pidOf(companyDb(h.db, a));
    expect(home.pids).not.toContain(borrowed);
    await home.release();
  });

  it("waits in its home's line when every connection is busy, unless that line is much longer", async () => {
    const { a, b } = await twoHomes();
    const homeA = hold(a, 2);
    const homeB = hold(b, 2);
    await until(() => homeA.pids.length === 2 && homeB.pids.length === 2);
    // Every connection is busy. Home's line may grow to twice the shortest (empty) line plus its
    // two connections before a request goes elsewhere: three wait at home, the fourth does not.
    const queued: Promise<number>[] = [];
    for (let i = 0; i < 4; i++) {
      queued.push(pidOf(companyDb(h.db, a)));
      await new Promise((r) => setImmediate(r));
    }
    await homeB.release();
    await homeA.release();
    const pids = await Promise.all(queued);
    expect(pids.slice(0, 3).every((pid) => homeA.pids.includes(pid))).toBe(true);
    expect(homeB.pids).toContain(pids[3]);
  });

  it("gives one busy company the whole pool", async () => {
    const { a } = await twoHomes();
    const busy = hold(a, 4);
    await until(() => busy.pids.length === 4);
    expect(new Set(busy.pids).size).toBe(4);
    // A fifth waits (every connection is busy) and gets one when they end.
    const fifth = pidOf(companyDb(h.db, a));
    await busy.release();
    expect(busy.pids).toContain(await fifth);
  });
});
