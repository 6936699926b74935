import {
  TICKET_ACTION,
  transition,
  type TicketAction,
  type TicketSnapshot,
  type TicketStatus,
  type TransitionContext,
  type TransitionResult,
} from "@equeue/core";
import type { RawBuilder, Updateable } from "kysely";
import type { TicketsTable } from "../../../db/tables";
import { AppError } from "../../../shared/app-error";
import { updateTicketWithEvent } from "../sql/ticket.sql";
import type {
  CompanyQueryDb,
  QueueFact,
  TicketActor,
  TicketEventType,
  TicketRow,
  TicketView,
} from "../queue.types";

type Snapshot = TicketSnapshot & { id: string };

/** The state machine's view of a stored ticket. */
export function toSnapshot(row: TicketRow): Snapshot {
  return {
    id: row.id,
    status: row.status,
    serviceId: row.service_id,
    operatorId: row.preferred_operator_id,
    priority: row.priority,
    queuedAt: row.queued_at,
    calledAt: row.called_at,
    recallCount: row.recall_count,
  };
}

// Columns that follow from the action itself rather than from the state machine's snapshot.
function actionColumns(
  action: TicketAction,
  at: Date,
  actor: TicketActor,
): Updateable<TicketsTable> {
  switch (action) {
    case TICKET_ACTION.CALL:
      return { operator_id: actor.staffId, counter_id: actor.counterId };
    case TICKET_ACTION.RETURN_TO_QUEUE:
      return { operator_id: null, counter_id: null };
    case TICKET_ACTION.START:
      return { started_at: at };
    case TICKET_ACTION.FINISH:
    case TICKET_ACTION.MARK_NO_SHOW:
    case TICKET_ACTION.CANCEL:
    case TICKET_ACTION.EXPIRE:
    case TICKET_ACTION.TRANSFER:
      return { finished_at: at };
    case TICKET_ACTION.CHECK_IN:
    case TICKET_ACTION.RECALL:
      return {};
    default: {
      const never: never = action;
      throw new Error(`unhandled action ${String(never)}`);
    }
  }
}

export type AppliedTransition = {
  row: TicketRow;
  result: TransitionResult<Snapshot>;
};

type TransitionOptions = {
  ctx: TransitionContext;
  actor: TicketActor;
  extra?: Updateable<TicketsTable>;
  data?: Record<string, unknown>;
  /** A further write over the changed row (`changed`), in the change's own statement. */
  also?: RawBuilder<unknown>;
};

/**
 * Applies one action: the state machine in core decides (and refuses with a coded error), this
 * stores the outcome and appends the ticket_events row in the caller's transaction.
 */
export async function applyTransition(
  tx: { db: CompanyQueryDb; schema: string },
  row: TicketRow,
  action: TicketAction,
  opts: TransitionOptions,
): Promise<AppliedTransition> {
  const applied = await tryApplyTransition(tx, row, action, opts);
  if (!applied) {
    throw new AppError("INVALID_STATE", `${row.label} changed meanwhile; reload and try again.`);
  }
  return applied;
}

/**
 * As applyTransition, for a ticket read without a lock: with `version` (its row version when
 * read) the change is stored only if nobody changed the ticket since; null when somebody did.
 */
export async function tryApplyTransition(
  tx: { db: CompanyQueryDb; schema: string },
  row: TicketRow,
  action: TicketAction,
  opts: TransitionOptions,
  version?: string,
): Promise<AppliedTransition | null> {
  const result = transition(toSnapshot(row), action, opts.ctx);
  const t = result.ticket;
  const patch: Updateable<TicketsTable> = {
    status: t.status,
    priority: t.priority,
    queued_at: t.queuedAt,
    called_at: t.calledAt,
    recall_count: t.recallCount,
    preferred_operator_id: t.operatorId,
    ...actionColumns(action, result.at, opts.actor),
    ...opts.extra,
    updated_at: result.at,
  };
  const updated = await updateTicketWithEvent(
    tx.db,
    tx.schema,
    row.id,
    row.status,
    patch,
    {
      at: result.at,
      type: action,
      actor: opts.actor,
      ...(opts.data && { data: opts.data }),
    },
    version,
    opts.also,
  );
  return updated ? { row: updated, result } : null;
}

/** The fact the realtime hub publishes after commit for one changed ticket. */
export function ticketFact(
  view: TicketView,
  event: TicketEventType,
  from: TicketStatus | null,
  at: Date,
): QueueFact {
  return { kind: "ticket", branchId: view.branch_id, ticket: view, event, from, at };
}
