import { TICKET_STATUS, type TicketStatus } from "./ticket-status";

/** Everything an operator, customer or the day-end job can do to a ticket. */
export const TICKET_ACTION = {
  CHECK_IN: "CHECK_IN",
  CALL: "CALL",
  RECALL: "RECALL",
  RETURN_TO_QUEUE: "RETURN_TO_QUEUE",
  MARK_NO_SHOW: "MARK_NO_SHOW",
  START: "START",
  FINISH: "FINISH",
  TRANSFER: "TRANSFER",
  CANCEL: "CANCEL",
  EXPIRE: "EXPIRE",
} as const;

export type TicketAction = (typeof TICKET_ACTION)[keyof typeof TICKET_ACTION];

// Why the company cancelled (the customer's text and page say it): a contract with the web.
export { CANCEL_REASON, CANCEL_REASONS, type CancelReason } from "@equeue/contracts";

/** Every action, for iteration in validators and tests. */
export const ALL_TICKET_ACTIONS: readonly TicketAction[] = Object.values(TICKET_ACTION);

type Rule = { readonly from: readonly TicketStatus[]; readonly to: TicketStatus };

const S = TICKET_STATUS;

/**
 * The whole state machine as data. CANCEL is allowed from CALLED on purpose: a customer who
 * is called but cancels on the phone should free the counter now, not after the no-show
 * grace time. A SERVING ticket cannot be cancelled — the operator finishes or transfers it.
 */
export const TRANSITION_RULES: Readonly<Record<TicketAction, Rule>> = {
  CHECK_IN: { from: [S.BOOKED], to: S.WAITING },
  CALL: { from: [S.WAITING], to: S.CALLED },
  RECALL: { from: [S.CALLED], to: S.CALLED },
  RETURN_TO_QUEUE: { from: [S.CALLED], to: S.WAITING },
  MARK_NO_SHOW: { from: [S.CALLED], to: S.NO_SHOW },
  START: { from: [S.CALLED], to: S.SERVING },
  FINISH: { from: [S.SERVING], to: S.COMPLETED },
  TRANSFER: { from: [S.CALLED, S.SERVING], to: S.TRANSFERRED },
  CANCEL: { from: [S.BOOKED, S.WAITING, S.CALLED], to: S.CANCELLED },
  EXPIRE: { from: [S.BOOKED, S.WAITING, S.CALLED, S.SERVING], to: S.EXPIRED },
};

/** True when `action` is allowed from `status` (ignoring time-based guards such as grace). */
export function canTransition(status: TicketStatus, action: TicketAction): boolean {
  return TRANSITION_RULES[action].from.includes(status);
}

/** The status `action` leads to (whether or not it is allowed from the current one). */
export function targetStatus(action: TicketAction): TicketStatus {
  return TRANSITION_RULES[action].to;
}

/** The actions allowed from `status`, e.g. to decide which buttons an operator sees. */
export function allowedActions(status: TicketStatus): TicketAction[] {
  return ALL_TICKET_ACTIONS.filter((action) => canTransition(status, action));
}
