import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useToast } from "../../../components/ui/toast";
import { isApiError } from "../../../lib/api/api-error";
import { operatorApi, type TicketEndpoint } from "../api/operator.api";
import type { OperatorStatus, QueueTicket, WalkInInput, Workplace } from "../api/operator.types";
import { patchSession, workplaceKey } from "./use-workplace";
import { useQueueErrorMessage } from "./use-queue-error";

/** What is in flight: one action at a time, so a double press never sends two calls. */
export type Pending =
  | { kind: "callNext" }
  | { kind: "ticket"; action: TicketEndpoint; ticketId: string }
  | { kind: "transfer" }
  | { kind: "issue" }
  | { kind: "status" }
  | { kind: "session" };

/** Why an action failed: the server's code and a sentence for the operator. */
export type ActionFailure = { code: string; message: string };

const OPEN = new Set(["CALLED", "SERVING"]);

/** The operator's actions: each updates the screen from the answer, then refetches. */
export function useOperatorActions(slug: string) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const toast = useToast();
  const message = useQueueErrorMessage();
  const api = useMemo(() => operatorApi(slug), [slug]);
  const key = workplaceKey(slug);
  const [pending, setPending] = useState<Pending | null>(null);

  const update = useCallback(
    (fn: (data: Workplace) => Workplace) =>
      client.setQueryData<Workplace>(workplaceKey(slug), (data) => (data ? fn(data) : data)),
    [client, slug],
  );
  const refetch = useCallback(
    () => void client.invalidateQueries({ queryKey: workplaceKey(slug) }),
    [client, slug],
  );

  // The ticket in hand after an action: shown at once; leaves the waiting lists.
  const showTicket = useCallback(
    (ticket: QueueTicket) =>
      update((data) => {
        const drop = (list: Workplace["waiting"]["online"]) => {
          const items = list.items.filter((item) => item.id !== ticket.id);
          return { total: list.total - (list.items.length - items.length), items };
        };
        return {
          ...data,
          current: OPEN.has(ticket.status) ? ticket : null,
          waiting: {
            online: drop(data.waiting.online),
            kiosk: drop(data.waiting.kiosk),
            walkIn: drop(data.waiting.walkIn),
          },
        };
      }),
    [update],
  );

  /** Runs one action; answers its failure (or null) so dialogs can show it in place. */
  const run = useCallback(
    async <T>(
      what: Pending,
      work: () => Promise<T>,
      after: (result: T) => void,
      opts: { toastError?: boolean } = {},
    ): Promise<ActionFailure | null> => {
      if (pending) return null;
      setPending(what);
      try {
        after(await work());
        return null;
      } catch (error) {
        const text = message(error);
        if (opts.toastError !== false) toast.show(text, "error");
        return { code: isApiError(error) ? error.code : "UNKNOWN", message: text };
      } finally {
        setPending(null);
        refetch();
      }
    },
    [pending, message, toast, refetch],
  );

  return {
    pending,
    callNext: () =>
      run({ kind: "callNext" }, api.callNext, ({ ticket }) => {
        if (ticket) showTicket(ticket);
        else toast.show(t("queue.operator.queueEmpty"));
      }),
    callTicket: (ticketId: string) =>
      run(
        { kind: "ticket", action: "call", ticketId },
        () => api.act(ticketId, "call"),
        ({ ticket }) => showTicket(ticket),
      ),
    act: (
      ticketId: string,
      action: Exclude<TicketEndpoint, "call">,
      note?: string,
      toastError = true,
    ) =>
      run(
        { kind: "ticket", action, ticketId },
        () => api.act(ticketId, action, note ? { note } : undefined),
        ({ ticket }) => showTicket(ticket),
        { toastError },
      ),
    transfer: (
      ticketId: string,
      target: { serviceId?: string; operatorId?: string; note?: string },
    ) =>
      run(
        { kind: "transfer" },
        () => api.transfer(ticketId, target),
        ({ from }) => {
          showTicket(from);
          toast.show(t("queue.transfer.done", { label: from.label }));
        },
        { toastError: false },
      ),
    issue: (branchId: string, input: WalkInInput, onIssued: (ticket: QueueTicket) => void) =>
      run(
        { kind: "issue" },
        () => api.issue(branchId, input),
        ({ ticket }) => onIssued(ticket),
        {
          toastError: false,
        },
      ),
    setStatus: (status: OperatorStatus, reason?: string) =>
      run(
        { kind: "status" },
        () => api.setStatus(status, reason),
        ({ session }) => client.setQueryData<Workplace>(key, (data) => patchSession(data, session)),
      ),
    startSession: (counterId: string | undefined, takeOver = false) =>
      run(
        { kind: "session" },
        () => api.startSession({ ...(counterId && { counterId }), ...(takeOver && { takeOver }) }),
        ({ session }) => client.setQueryData<Workplace>(key, (data) => patchSession(data, session)),
        { toastError: false },
      ),
  };
}
