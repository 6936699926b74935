import { SERVER_EVENT, type WirePayload } from "@equeue/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { getCompanySession } from "../../../lib/auth/sessions";
import { useRealtime, type ConnectionStatus } from "../../../lib/realtime/use-realtime";
import { companyRealtimeAuth } from "../../../lib/realtime/realtime-contract";
import { operatorApi } from "../api/operator.api";
import type { CounterSession, QueueTicket, Workplace } from "../api/operator.types";

export const workplaceKey = (slug: string) => ["queue", "workplace", slug] as const;

function concernsMe(ticket: QueueTicket, data: Workplace | undefined): boolean {
  if (!data) return true;
  const me = data.operator.id;
  return (
    data.services.some((s) => s.id === ticket.serviceId) ||
    ticket.operatorId === me ||
    ticket.reservedForOperatorId === me ||
    ticket.id === data.current?.id
  );
}

const isNewer = (next: Workplace, current: Workplace | undefined) =>
  !current || Date.parse(next.at) >= Date.parse(current.at);

/**
 * The operator's screen state: fetched once, then kept live by the socket. The server sends a
 * snapshot on every (re)connect, which replaces the screen; deltas trigger a debounced refetch so
 * the ranked waiting lists always come from the server's call-next order.
 */
export function useWorkplace(slug: string): {
  workplace: ReturnType<typeof useQuery<Workplace>>;
  connection: ConnectionStatus;
  refresh: () => void;
  /** Set when this operator started work at another counter from another screen. */
  movedTo: number | null;
  /** The latest "a service's wait is over its target" of this branch, until dismissed. */
  waitAlert: WirePayload<typeof SERVER_EVENT.WAIT_ALERT> | null;
  dismissWaitAlert: () => void;
} {
  const client = useQueryClient();
  const api = useMemo(() => operatorApi(slug), [slug]);
  const key = workplaceKey(slug);
  const workplace = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.workplace(signal),
    staleTime: 5_000,
  });
  const [movedTo, setMovedTo] = useState<number | null>(null);
  const [waitAlert, setWaitAlert] = useState<WirePayload<typeof SERVER_EVENT.WAIT_ALERT> | null>(
    null,
  );
  const timer = useRef<number | null>(null);

  const refresh = useCallback(() => {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void client.invalidateQueries({ queryKey: workplaceKey(slug) });
    }, 150);
  }, [client, slug]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const myCounter = workplace.data?.operator.session?.counterId ?? null;
  const myId = workplace.data?.operator.id ?? null;
  const latest = useRef({ myCounter, myId });
  latest.current = { myCounter, myId };

  const branchId = workplace.data?.branch?.id ?? null;
  const { status } = useRealtime({
    enabled: workplace.isSuccess && branchId !== null,
    key: `staff:${slug}:${branchId}`,
    auth: () => companyRealtimeAuth(slug, getCompanySession(slug), branchId),
    handlers: {
      [SERVER_EVENT.SNAPSHOT]: (payload) => {
        if (payload.audience !== "staff") return;
        const next = payload.workplace;
        const current = client.getQueryData<Workplace>(workplaceKey(slug));
        if (isNewer(next, current)) client.setQueryData(workplaceKey(slug), next);
      },
      // Every change in the branch reaches all its staff; refetch only for the ones that touch
      // this operator's lists, its customer or its figures.
      [SERVER_EVENT.TICKET_CHANGED]: ({ ticket }) => {
        if (concernsMe(ticket, client.getQueryData<Workplace>(workplaceKey(slug)))) refresh();
      },
      [SERVER_EVENT.OPERATOR_CHANGED]: (change) => {
        const { myCounter: mine, myId: me } = latest.current;
        if (change.staffId === me && change.takenOver && mine && change.counterId !== mine) {
          setMovedTo(change.counterNumber);
        }
        refresh();
      },
      [SERVER_EVENT.WAIT_ALERT]: (alert) => setWaitAlert(alert),
    },
  });

  return {
    workplace,
    connection: status,
    refresh,
    movedTo,
    waitAlert,
    dismissWaitAlert: () => setWaitAlert(null),
  };
}

/** Applies a new counter session locally at once (the socket snapshot confirms it). */
export function patchSession(
  data: Workplace | undefined,
  session: CounterSession | null,
): Workplace | undefined {
  if (!data) return data;
  return {
    ...data,
    operator: { ...data.operator, session, status: session?.status ?? "OFFLINE" },
  };
}
