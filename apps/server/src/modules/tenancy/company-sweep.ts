import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/database";
import type { CompanyRecord } from "./company-directory";

export type CompanySweepOptions = {
  /** For the logs: what the sweep does ("day-end expiry", "late booking sweep"). */
  name: string;
  /** The work for one company at `now`; a throw is logged and the next company goes on. */
  each: (company: CompanyRecord, now: Date) => Promise<void>;
  intervalMs?: number;
  /** Run once as soon as it starts (day-end after a night with the server off). */
  runAtStart?: boolean;
};

/**
 * A background pass over every company that has a schema, on an interval: one pass at a time
 * (a slow one is not overlapped), one broken company (a schema whose migration failed) never
 * stops the others, and `stop()` waits for the pass in progress.
 */
export class CompanySweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly opts: CompanySweepOptions,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs ?? 60_000);
    this.timer.unref();
    if (this.opts.runAtStart) void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce(new Date())
      .catch((err: unknown) => this.log.error({ err }, `${this.opts.name} failed`))
      .finally(() => (this.running = null));
    await this.running;
  }

  /** One pass at `now` over every company that has a schema. */
  async runOnce(now: Date): Promise<void> {
    const companies = await this.db
      .selectFrom("platform.companies")
      .selectAll()
      .where("status", "<>", "DELETED")
      .execute();
    for (const company of companies) {
      try {
        await this.opts.each(company, now);
      } catch (err) {
        this.log.error({ err, company: company.slug }, `${this.opts.name} failed for a company`);
      }
    }
  }
}
