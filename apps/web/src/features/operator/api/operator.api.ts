import { getCompanySession } from "../../../lib/auth/sessions";
import type {
  BranchDirectory,
  CounterSession,
  OperatorStatus,
  QueueTicket,
  Workplace,
  WalkInInput,
} from "./operator.types";

/** Ticket actions with their URL segment under /queue/tickets/:id/. */
export const TICKET_ENDPOINT = {
  call: "call",
  recall: "recall",
  start: "start",
  noShow: "no-show",
  finish: "finish",
  return: "return",
  cancel: "cancel",
} as const;
export type TicketEndpoint = keyof typeof TICKET_ENDPOINT;

/** The staff side of the queue API (company realm, the signed-in staff member's session). */
export function operatorApi(slug: string) {
  const session = getCompanySession(slug);
  return {
    workplace: (signal?: AbortSignal) => session.request<Workplace>("/queue/workplace", { signal }),

    callNext: () =>
      session.request<{ ticket: QueueTicket | null }>("/queue/call-next", { method: "POST" }),

    act: (ticketId: string, action: TicketEndpoint, body?: { note?: string }) =>
      session.request<{ ticket: QueueTicket }>(
        `/queue/tickets/${encodeURIComponent(ticketId)}/${TICKET_ENDPOINT[action]}`,
        { method: "POST", body },
      ),

    transfer: (
      ticketId: string,
      body: { serviceId?: string; operatorId?: string; note?: string },
    ) =>
      session.request<{ from: QueueTicket; to: QueueTicket }>(
        `/queue/tickets/${encodeURIComponent(ticketId)}/transfer`,
        { method: "POST", body },
      ),

    issue: (branchId: string, input: WalkInInput) =>
      session.request<{ ticket: QueueTicket }>("/queue/tickets", {
        method: "POST",
        body: { branchId, ...input },
      }),

    startSession: (body: { counterId?: string; takeOver?: boolean }) =>
      session.request<{ session: CounterSession | null }>("/queue/session", {
        method: "POST",
        body,
      }),

    setStatus: (status: OperatorStatus, reason?: string) =>
      session.request<{ session: CounterSession | null }>("/queue/status", {
        method: "PUT",
        body: reason ? { status, reason } : { status },
      }),

    /** How many wait at a branch now (manager/admin), before closing its line. */
    waitingCount: (branchId: string, signal?: AbortSignal) =>
      session.request<{ waiting: number }>(
        `/queue/branches/${encodeURIComponent(branchId)}/waiting-count`,
        { signal },
      ),

    /** Closes a branch's line early: every waiting customer is cancelled and told `message`. */
    cancelWaiting: (branchId: string, message: string) =>
      session.request<{ cancelled: number }>(
        `/queue/branches/${encodeURIComponent(branchId)}/cancel-waiting`,
        { method: "POST", body: { message } },
      ),

    /** The caller's branch: counters (and who sits there), services, colleagues. */
    directory: (signal?: AbortSignal) =>
      session.request<BranchDirectory>("/queue/directory", { signal }),
  };
}
