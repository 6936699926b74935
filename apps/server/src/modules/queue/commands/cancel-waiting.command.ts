import { TICKET_ACTION, TICKET_STATUS, type CancelReason } from "@equeue/core";
import { notFound } from "../../../shared/app-error";
import { SETUP_ROLES, requireBranchAccess, requireStaffRole, type StaffCaller } from "../../access";
import { companyDb, type CompanyRecord } from "../../tenancy";
import type { CompanyQueryDb } from "../queue.types";
import { runQueueTransaction, type QueueDeps } from "./queue-transaction";
import { applyTransition, ticketFact } from "./ticket-transition";

/** Tickets cancelled per transaction: a long line never holds one large lock. */
export const CANCEL_BATCH = 200;

export type CancelWaitingInput = { serviceId?: string | undefined; message: string };

/**
 * Closes a branch's line early: every WAITING ticket of the branch (of one service, if given)
 * is cancelled through the state machine, each with its own CANCEL event carrying the staff
 * member's message (the customers' "cancelled by the company" notification quotes it) and its
 * realtime fact. Booked tickets are left alone (their customers chose a time; cancel them one
 * by one), and so are called or served ones. Runs in batches of CANCEL_BATCH, one transaction
 * each, locking with SKIP LOCKED so a ticket an operator is calling at that moment is not
 * waited for. A company admin or the branch's manager may; an operator is refused (403), a
 * branch out of reach or unknown answers 404. Returns how many were cancelled (0 on a repeat).
 */
export async function cancelWaitingTickets(
  deps: QueueDeps,
  company: CompanyRecord,
  caller: StaffCaller,
  branchId: string,
  input: CancelWaitingInput,
  opts: { now?: Date; batch?: number } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? CANCEL_BATCH;
  requireStaffRole(
    caller,
    SETUP_ROLES,
    "Only a branch manager or a company admin may close the line.",
  );
  requireBranchAccess(caller, branchId);
  await assertLineExists(deps, company, branchId, input.serviceId);
  return cancelInBatches(deps, company, caller.staffId, {
    now,
    batch,
    message: input.message,
    pick: (q) => {
      const waiting = q
        .where("t.branch_id", "=", branchId)
        .where("t.status", "=", TICKET_STATUS.WAITING);
      return input.serviceId ? waiting.where("t.service_id", "=", input.serviceId) : waiting;
    },
  });
}

/**
 * Cancels, by the company, the BOOKED tickets among `ticketIds` (the booking module decides
 * which: those the branch's hours no longer have room for, or whose service the branch no
 * longer offers), each with why — the day's note as `message` where there is one, and the
 * `reason` — so its customer is told (the booking-cancelled notification). A ticket that is no
 * longer BOOKED (checked in, cancelled meanwhile) is left alone. `staffId` is who made the
 * change; null for the background sweep. Returns how many were cancelled.
 */
export async function cancelBookingsById(
  deps: QueueDeps,
  company: CompanyRecord,
  staffId: string | null,
  ticketIds: readonly string[],
  why: { message: string | null; reason: CancelReason },
  now = new Date(),
): Promise<number> {
  if (ticketIds.length === 0) return 0;
  return cancelInBatches(deps, company, staffId, {
    now,
    batch: CANCEL_BATCH,
    message: why.message,
    reason: why.reason,
    pick: (q) => q.where("t.id", "in", ticketIds).where("t.status", "=", TICKET_STATUS.BOOKED),
  });
}

const ticketsWithService = (db: CompanyQueryDb) =>
  db.selectFrom("tickets as t").innerJoin("services as s", "s.id", "t.service_id");
type TicketPick = ReturnType<typeof ticketsWithService>;

/**
 * Cancels, by the company, the tickets `pick` narrows the query to: CANCEL_BATCH at a time in
 * transactions of their own, each through the state machine with its CANCEL event (carrying
 * the message, when there is one) and realtime fact. SKIP LOCKED: a ticket an operator holds at
 * that moment is not waited for.
 */
async function cancelInBatches(
  deps: QueueDeps,
  company: CompanyRecord,
  staffId: string | null,
  opts: {
    now: Date;
    batch: number;
    message: string | null;
    /** Why, for the customer's text when there is no message (the branch's hours changed). */
    reason?: CancelReason;
    pick: (q: TicketPick) => TicketPick;
  },
): Promise<number> {
  const { now, batch } = opts;
  const data = {
    by: "COMPANY",
    bulk: true,
    ...(opts.message && { message: opts.message }),
    ...(opts.reason && { reason: opts.reason }),
  };
  let cancelled = 0;
  for (;;) {
    const n = await runQueueTransaction(deps, company, async (tx) => {
      const rows = await opts
        .pick(ticketsWithService(tx.db))
        .selectAll("t")
        .select(["s.name as service_name"])
        .orderBy("t.queued_at")
        .limit(batch)
        .forUpdate("t")
        .skipLocked()
        .execute();
      for (const locked of rows) {
        const { row } = await applyTransition(tx, locked, TICKET_ACTION.CANCEL, {
          ctx: { now },
          actor: { staffId, counterId: null },
          data,
        });
        const view = { ...row, service_name: locked.service_name, counter_number: null };
        tx.facts.push(ticketFact(view, TICKET_ACTION.CANCEL, locked.status, now));
      }
      return rows.length;
    });
    cancelled += n;
    if (n < batch) return cancelled;
  }
}

/** The branch is this company's, and the service (when named) one it offers; else 404. */
async function assertLineExists(
  deps: QueueDeps,
  company: CompanyRecord,
  branchId: string,
  serviceId: string | undefined,
): Promise<void> {
  const db = companyDb(deps.db, company);
  const branch = await db
    .selectFrom("branches")
    .select("id")
    .where("id", "=", branchId)
    .executeTakeFirst();
  if (!branch) throw notFound("The branch");
  if (serviceId) {
    const offered = await db
      .selectFrom("branch_services")
      .select("service_id")
      .where("branch_id", "=", branchId)
      .where("service_id", "=", serviceId)
      .executeTakeFirst();
    if (!offered) throw notFound("The service");
  }
}

/** How many tickets cancelWaitingTickets would cancel now (the confirm dialog's figure). */
export async function countWaitingTickets(
  deps: QueueDeps,
  company: CompanyRecord,
  caller: StaffCaller,
  branchId: string,
  serviceId?: string,
): Promise<number> {
  requireStaffRole(
    caller,
    SETUP_ROLES,
    "Only a branch manager or a company admin may close the line.",
  );
  requireBranchAccess(caller, branchId);
  await assertLineExists(deps, company, branchId, serviceId);
  let q = companyDb(deps.db, company)
    .selectFrom("tickets")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("branch_id", "=", branchId)
    .where("status", "=", TICKET_STATUS.WAITING);
  if (serviceId) q = q.where("service_id", "=", serviceId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
