import { OPEN_STATUSES, TICKET_STATUS, businessDay } from "@equeue/core";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../../db/database";
import { CompanySweep, companyDb, type CompanyRecord } from "../../tenancy";
import { expireInBatches } from "./expire-tickets";
import type { QueueDeps } from "./queue-transaction";

const BATCH = 500;

/**
 * Ends yesterday for one branch: every ticket still open from an earlier business day (in the
 * branch's own time zone) becomes EXPIRED, each with its event. With "keep overnight" set,
 * waiting customers keep their place into the next day; called and served ones still expire.
 */
export async function expireBranchDay(
  deps: QueueDeps,
  company: CompanyRecord,
  branch: { id: string; time_zone: string; keep_overnight: boolean },
  now: Date,
): Promise<number> {
  const today = businessDay(now, branch.time_zone);
  const statuses = OPEN_STATUSES.filter(
    (s) => !(branch.keep_overnight && s === TICKET_STATUS.WAITING),
  );
  return expireInBatches(
    deps,
    company,
    now,
    BATCH,
    (tx) =>
      tx.db
        .selectFrom("tickets as t")
        .innerJoin("services as s", "s.id", "t.service_id")
        .selectAll("t")
        .select(["s.name as service_name"])
        .where("t.branch_id", "=", branch.id)
        .where("t.status", "in", statuses)
        .where("t.day", "<", today)
        .limit(BATCH)
        .forUpdate("t")
        .skipLocked()
        .execute(),
    () => ({ businessDay: today }),
  );
}

/** Day-end expiry for every branch of a company; returns how many tickets expired. */
export async function expireOpenTickets(
  deps: QueueDeps,
  company: CompanyRecord,
  now: Date,
): Promise<number> {
  const branches = await companyDb(deps.db, company)
    .selectFrom("branches")
    .select(["id", "time_zone", "keep_overnight"])
    .execute();
  let total = 0;
  for (const b of branches) total += await expireBranchDay(deps, company, b, now);
  return total;
}

/**
 * Runs day-end expiry in the background. A branch is swept once when this process first sees
 * it and then each time its local day turns over, so the steady cost is one branch list per
 * company per interval.
 */
export class DayEndWorker {
  private readonly swept = new Map<string, string>();
  private readonly sweep: CompanySweep;

  constructor(
    private readonly deps: QueueDeps & { db: Db },
    private readonly log: FastifyBaseLogger,
    intervalMs = 60_000,
  ) {
    this.sweep = new CompanySweep(deps.db, log, {
      name: "day-end expiry",
      intervalMs,
      runAtStart: true,
      each: (company, now) => this.sweepCompany(company, now),
    });
  }

  start(): void {
    this.sweep.start();
  }

  stop(): Promise<void> {
    return this.sweep.stop();
  }

  /** One pass at `now` over every company that has a schema. */
  runOnce(now: Date): Promise<void> {
    return this.sweep.runOnce(now);
  }

  private async sweepCompany(company: CompanyRecord, now: Date): Promise<void> {
    const branches = await companyDb(this.deps.db, company)
      .selectFrom("branches")
      .select(["id", "time_zone", "keep_overnight"])
      .execute();
    for (const b of branches) {
      const key = `${company.id}:${b.id}`;
      const today = businessDay(now, b.time_zone);
      if (this.swept.get(key) === today) continue;
      const n = await expireBranchDay(this.deps, company, b, now);
      if (n > 0) this.log.info({ company: company.slug, branch: b.id, n }, "tickets expired");
      this.swept.set(key, today);
    }
  }
}
