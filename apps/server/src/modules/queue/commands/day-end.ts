import { OPEN_STATUSES, TICKET_ACTION, TICKET_STATUS, businessDay } from "@equeue/core";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../../db/database";
import { companyDb, type CompanyRecord } from "../../tenancy";
import { runQueueTransaction, type QueueDeps } from "./queue-transaction";
import { applyTransition, ticketFact } from "./ticket-transition";

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
  let expired = 0;
  for (;;) {
    const n = await runQueueTransaction(deps, company, async (tx) => {
      const rows = await tx.db
        .selectFrom("tickets as t")
        .innerJoin("services as s", "s.id", "t.service_id")
        .leftJoin("counters as c", "c.id", "t.counter_id")
        .selectAll("t")
        .select(["s.name as service_name", "c.number as counter_number"])
        .where("t.branch_id", "=", branch.id)
        .where("t.status", "in", statuses)
        .where("t.day", "<", today)
        .limit(BATCH)
        .forUpdate("t")
        .skipLocked()
        .execute();
      for (const locked of rows) {
        const { row } = await applyTransition(tx, locked, TICKET_ACTION.EXPIRE, {
          ctx: { now },
          actor: { staffId: null, counterId: null },
          data: { businessDay: today },
        });
        const view = { ...row, service_name: locked.service_name, counter_number: null };
        tx.facts.push(ticketFact(view, TICKET_ACTION.EXPIRE, locked.status, now));
      }
      return rows.length;
    });
    expired += n;
    if (n < BATCH) return expired;
  }
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
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: QueueDeps & { db: Db },
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce(new Date())
      .catch((err: unknown) => this.log.error({ err }, "day-end expiry failed"))
      .finally(() => (this.running = null));
    await this.running;
  }

  /** One sweep at `now` over every company that has a schema. */
  async runOnce(now: Date): Promise<void> {
    const companies = await this.deps.db
      .selectFrom("platform.companies")
      .selectAll()
      .where("status", "<>", "DELETED")
      .execute();
    for (const company of companies) {
      try {
        await this.sweepCompany(company, now);
      } catch (err) {
        // One broken company (say, a schema whose migration failed) must not stop the others.
        this.log.error({ err, company: company.slug }, "day-end expiry failed for a company");
      }
    }
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
