import type { OperatorStatusValue } from "../../../db/tables";
import { AppError, notFound } from "../../../shared/app-error";
import type { CompanyRecord } from "../../tenancy";
import { queueRefusal } from "../queue-errors";
import {
  isUniqueViolationOf,
  runQueueTransaction,
  type QueueDeps,
  type QueueTx,
} from "./queue-transaction";
import type { QueueFact } from "../queue.types";
import { canReachBranch } from "../../access";
import type { CounterSession, StaffWorkplace } from "../staff-workplace";

export type StartSessionInput = { counterId?: string; takeOver?: boolean };
export type SetStatusInput = { status: OperatorStatusValue; reason?: string | null };

async function upsertStatus(
  tx: QueueTx,
  staffId: string,
  s: {
    branchId: string;
    counterId: string;
    status: OperatorStatusValue;
    reason: string | null;
    since: Date;
  },
) {
  await tx.db
    .insertInto("operator_status")
    .values({
      staff_id: staffId,
      branch_id: s.branchId,
      counter_id: s.counterId,
      status: s.status,
      reason: s.reason,
      since: s.since,
    })
    .onConflict((oc) =>
      oc.column("staff_id").doUpdateSet({
        branch_id: s.branchId,
        counter_id: s.counterId,
        status: s.status,
        reason: s.reason,
        since: s.since,
      }),
    )
    .execute();
  // The history the reports read break, away and idle time from, written with the change.
  await tx.db
    .insertInto("operator_status_log")
    .values({ staff_id: staffId, branch_id: s.branchId, status: s.status, at: s.since })
    .execute();
}

function operatorFact(staffId: string, s: CounterSession, takenOver: boolean): QueueFact {
  return { kind: "operator", staffId, ...s, takenOver };
}

/**
 * Signs the operator in at a counter ("one operator, one counter"). Working elsewhere already
 * is refused unless `takeOver` is set; a counter another operator holds is always refused (a
 * unique index enforces it even when two sign-ins race).
 */
export async function startCounterSession(
  deps: QueueDeps,
  company: CompanyRecord,
  scope: StaffWorkplace,
  input: StartSessionInput,
  opts: { now?: Date } = {},
): Promise<CounterSession> {
  const now = opts.now ?? new Date();
  const counterId = input.counterId ?? scope.defaultCounterId;
  if (!counterId) {
    throw new AppError("VALIDATION_FAILED", "Choose the counter you are working at.", {
      details: [{ path: "counterId", message: "Required: you have no default counter." }],
    });
  }
  const current = scope.session;
  if (current && current.counterId === counterId) return current;
  if (current && !input.takeOver) {
    throw new AppError(
      "ALREADY_AT_COUNTER",
      `You are signed in at counter ${current.counterNumber}. Sign out there, or confirm moving here (takeOver).`,
    );
  }
  try {
    return await runQueueTransaction(deps, company, async (tx) => {
      const counter = await tx.db
        .selectFrom("counters")
        .select(["id", "branch_id", "number"])
        .where("id", "=", counterId)
        .where("is_active", "=", true)
        .executeTakeFirst();
      if (!counter || !canReachBranch(scope, counter.branch_id)) throw notFound("The counter");
      const session: CounterSession = {
        branchId: counter.branch_id,
        counterId: counter.id,
        counterNumber: counter.number,
        status: "AVAILABLE",
        reason: null,
        since: now,
      };
      await upsertStatus(tx, scope.staffId, session);
      tx.facts.push(operatorFact(scope.staffId, session, current !== null));
      return session;
    });
  } catch (err) {
    if (!isUniqueViolationOf(err, "operator_status_counter")) throw err;
    throw new AppError(
      "COUNTER_TAKEN",
      "Another operator is working at this counter; choose another counter or ask them to sign out.",
    );
  }
}

/** Available, on a break (with a reason), away, or offline (signed out of the counter). */
export async function setOperatorStatus(
  deps: QueueDeps,
  company: CompanyRecord,
  scope: StaffWorkplace,
  input: SetStatusInput,
  opts: { now?: Date } = {},
): Promise<CounterSession | null> {
  const now = opts.now ?? new Date();
  const current = scope.session;
  if (!current) {
    if (input.status === "OFFLINE") return null;
    throw queueRefusal.noSession();
  }
  if (input.status === "OFFLINE" && scope.currentTicket) {
    throw queueRefusal.ticketInProgress(scope.currentTicket.label);
  }
  const next: CounterSession = {
    ...current,
    status: input.status,
    reason: input.status === "AVAILABLE" ? null : (input.reason ?? null),
    since: now,
  };
  await runQueueTransaction(deps, company, async (tx) => {
    await upsertStatus(tx, scope.staffId, next);
    tx.facts.push(operatorFact(scope.staffId, next, false));
  });
  return input.status === "OFFLINE" ? null : next;
}
