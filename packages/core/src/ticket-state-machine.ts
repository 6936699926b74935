import { QUEUE_ERROR_CODE, QueueError, assertNever } from "./errors";
import { TICKET_ACTION, TRANSITION_RULES, canTransition, type TicketAction } from "./ticket-action";
import { TICKET_STATUS, type TicketStatus } from "./ticket-status";

/** How long a called customer has to reach the counter before a no-show may be marked. */
export const DEFAULT_NO_SHOW_GRACE_SECONDS = 120;
/** How much a transfer raises priority, so the customer does not queue again from scratch. */
export const DEFAULT_TRANSFER_PRIORITY_BOOST = 1;

/** The fields of a ticket the state machine reads; extra fields are carried through untouched. */
export type TicketSnapshot = {
  status: TicketStatus;
  serviceId: string;
  /** Operator the ticket is reserved for (after a transfer to a person), else null. */
  operatorId: string | null;
  /** Higher is served first. 0 is normal. */
  priority: number;
  /** When the ticket joined the waiting line; null while BOOKED and not checked in. */
  queuedAt: Date | null;
  calledAt: Date | null;
  recallCount: number;
};

export type TransferTarget = { serviceId?: string; operatorId?: string };

export type TransitionContext = {
  now: Date;
  /** Grace for MARK_NO_SHOW, counted from the last call or recall. */
  graceSeconds?: number;
  /** Refuse RECALL after this many recalls; unlimited when absent. */
  maxRecalls?: number;
  /** Required for TRANSFER. */
  transferTo?: TransferTarget;
  transferPriorityBoost?: number;
};

/** The new WAITING ticket a TRANSFER asks the caller to issue. */
export type TransferredTicketDraft = {
  status: typeof TICKET_STATUS.WAITING;
  serviceId: string;
  operatorId: string | null;
  priority: number;
  /** The original place in line, so the customer keeps it fairly. */
  queuedAt: Date | null;
  calledAt: null;
  recallCount: 0;
};

export type TransitionResult<T extends TicketSnapshot> = {
  action: TicketAction;
  from: TicketStatus;
  to: TicketStatus;
  at: Date;
  /** The ticket after the transition (a new object; the input is never mutated). */
  ticket: T;
  /** Present only for TRANSFER. */
  transferred?: TransferredTicketDraft;
};

/** Applies `action` to `ticket` or throws a QueueError (ILLEGAL_TRANSITION, GRACE_NOT_PASSED, …). */
export function transition<T extends TicketSnapshot>(
  ticket: T,
  action: TicketAction,
  ctx: TransitionContext,
): TransitionResult<T> {
  const from = ticket.status;
  if (!canTransition(from, action)) {
    throw new QueueError(
      QUEUE_ERROR_CODE.ILLEGAL_TRANSITION,
      `A ${from} ticket cannot ${action.toLowerCase().replaceAll("_", " ")}.`,
      { from, action },
    );
  }
  const to = TRANSITION_RULES[action].to;
  const at = ctx.now;
  const done = (changes: Partial<TicketSnapshot>, transferred?: TransferredTicketDraft) => {
    const result: TransitionResult<T> = {
      action,
      from,
      to,
      at,
      ticket: { ...ticket, ...changes, status: to },
    };
    if (transferred) result.transferred = transferred;
    return result;
  };

  switch (action) {
    case TICKET_ACTION.CHECK_IN:
      return done({ queuedAt: at });
    case TICKET_ACTION.CALL:
      return done({ calledAt: at, recallCount: 0 });
    case TICKET_ACTION.RECALL:
      if (ctx.maxRecalls !== undefined && ticket.recallCount >= ctx.maxRecalls) {
        throw new QueueError(
          QUEUE_ERROR_CODE.RECALL_LIMIT_REACHED,
          `This ticket was already recalled ${ticket.recallCount} times; mark it as no-show instead.`,
        );
      }
      // A recall is a fresh announcement, so the no-show grace starts again.
      return done({ calledAt: at, recallCount: ticket.recallCount + 1 });
    case TICKET_ACTION.RETURN_TO_QUEUE:
      // queuedAt is kept: the customer returns to their old place, not the end of the line.
      return done({ calledAt: null });
    case TICKET_ACTION.MARK_NO_SHOW:
      assertGracePassed(ticket.calledAt, ctx);
      return done({});
    case TICKET_ACTION.START:
    case TICKET_ACTION.FINISH:
    case TICKET_ACTION.CANCEL:
    case TICKET_ACTION.EXPIRE:
      return done({});
    case TICKET_ACTION.TRANSFER:
      return done({}, transferDraft(ticket, ctx));
    default:
      return assertNever(action);
  }
}

/** Seconds left before a no-show may be marked (0 when it already may). */
export function graceSecondsLeft(calledAt: Date, now: Date, graceSeconds: number): number {
  const elapsed = (now.getTime() - calledAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(graceSeconds - elapsed));
}

function assertGracePassed(calledAt: Date | null, ctx: TransitionContext): void {
  if (calledAt === null) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_TICKET, "A called ticket has no call time.");
  }
  const grace = ctx.graceSeconds ?? DEFAULT_NO_SHOW_GRACE_SECONDS;
  const left = graceSecondsLeft(calledAt, ctx.now, grace);
  if (left > 0) {
    throw new QueueError(
      QUEUE_ERROR_CODE.GRACE_NOT_PASSED,
      `The customer still has ${left} s to reach the counter; wait or recall them.`,
      { secondsLeft: left },
    );
  }
}

function transferDraft(ticket: TicketSnapshot, ctx: TransitionContext): TransferredTicketDraft {
  const target = ctx.transferTo;
  const serviceId = target?.serviceId ?? ticket.serviceId;
  const operatorId = target?.operatorId ?? null;
  if (serviceId === ticket.serviceId && operatorId === null) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_TRANSFER_TARGET,
      "Choose another service or a specific operator to transfer to.",
    );
  }
  const boost = ctx.transferPriorityBoost ?? DEFAULT_TRANSFER_PRIORITY_BOOST;
  return {
    status: TICKET_STATUS.WAITING,
    serviceId,
    operatorId,
    priority: ticket.priority + boost,
    queuedAt: ticket.queuedAt,
    calledAt: null,
    recallCount: 0,
  };
}
