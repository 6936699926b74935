import { TICKET_ACTION, TICKET_STATUS } from "@equeue/core";
import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import { runQueueTransaction, type QueueDeps } from "../queue";
import { applyTransition, ticketFact } from "../queue";
import type { CompanyRecord } from "../tenancy";

const BATCH = 200;

/**
 * Applies the late rule of branches that expire late bookings: every booking still BOOKED once
 * its check-in window has closed becomes EXPIRED, with its event (so the ticket page and the
 * staff screens hear of it). Branches whose rule is WALK_IN keep such bookings: a late customer
 * may still check in and is queued then, like a walk-in; day-end expires the ones who never come.
 */
export async function expireLateBookings(
  deps: QueueDeps,
  company: CompanyRecord,
  now: Date,
): Promise<number> {
  let expired = 0;
  for (;;) {
    const n = await runQueueTransaction(deps, company, async (tx) => {
      const rows = await tx.db
        .selectFrom("tickets as t")
        .innerJoin("branches as b", "b.id", "t.branch_id")
        .innerJoin("services as s", "s.id", "t.service_id")
        .selectAll("t")
        .select(["s.name as service_name", "b.check_in_late_minutes"])
        .where("t.status", "=", TICKET_STATUS.BOOKED)
        .where("t.appointment_at", "is not", null)
        .where("b.late_arrival", "=", "EXPIRE")
        .where(
          sql<boolean>`t.appointment_at + b.check_in_late_minutes * interval '1 minute' <= ${now}`,
        )
        .limit(BATCH)
        .forUpdate("t")
        .skipLocked()
        .execute();
      for (const locked of rows) {
        const { row } = await applyTransition(tx, locked, TICKET_ACTION.EXPIRE, {
          ctx: { now },
          actor: { staffId: null, counterId: null },
          data: { reason: "LATE_FOR_BOOKING", lateMinutes: locked.check_in_late_minutes },
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

/** Runs the late rule for every company in the background, once a minute. */
export class LateBookingWorker {
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
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce(new Date())
      .catch((err: unknown) => this.log.error({ err }, "late booking sweep failed"))
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
        const n = await expireLateBookings(this.deps, company, now);
        if (n > 0) this.log.info({ company: company.slug, n }, "late bookings expired");
      } catch (err) {
        // One broken company (a schema whose migration failed) must not stop the others.
        this.log.error({ err, company: company.slug }, "late booking sweep failed for a company");
      }
    }
  }
}
