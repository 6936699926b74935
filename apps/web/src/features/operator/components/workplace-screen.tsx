import { DEFAULT_NO_SHOW_GRACE_SECONDS } from "@equeue/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { useToast } from "../../../components/ui/toast";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import type { ConnectionStatus } from "../../../lib/realtime/use-realtime";
import { formatElapsed, useNow } from "../../../lib/use-now";
import { operatorApi } from "../api/operator.api";
import type { QueueTicket, Workplace } from "../api/operator.types";
import { useOperatorActions } from "../hooks/use-operator-actions";
import { useShortcuts } from "../hooks/use-shortcuts";
import { AwayBanner } from "./away-banner";
import { CallNextButton } from "./call-next-button";
import { CloseLineDialog } from "./close-line-dialog";
import { CurrentTicketCard, noShowRemaining, type CardAction } from "./current-ticket-card";
import { FinishDialog } from "./finish-dialog";
import { Kbd } from "./kbd";
import { ShortcutHints } from "./shortcut-hints";
import { TodayStats } from "./today-stats";
import { TransferDialog } from "./transfer-dialog";
import { WaitingLists } from "./waiting-lists";
import { WalkInDialog } from "./walk-in-dialog";

type Dialog = "finish" | "transfer" | "walkIn" | "cancel" | "closeLine" | null;

type Props = {
  slug: string;
  workplace: Workplace;
  connection: ConnectionStatus;
};

/** The counter's working screen: current customer, call next, waiting lists, today's figures. */
export function WorkplaceScreen({ slug, workplace, connection }: Props) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const actions = useOperatorActions(slug);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [issued, setIssued] = useState<QueueTicket | null>(null);
  const callNextRef = useRef<HTMLButtonElement>(null);
  const toast = useToast();
  // Managers and admins may close the whole line of their branch early.
  const mayCloseLine = workplace.operator.role !== "OPERATOR" && !!workplace.branch;
  const api = useMemo(() => operatorApi(slug), [slug]);
  // Every service of the branch and who is working now: targets for transfers and walk-ins.
  const directory = useQuery({
    queryKey: ["queue", "directory", slug, workplace.branch?.id],
    queryFn: ({ signal }) => api.directory(signal),
    enabled: !!workplace.branch,
    staleTime: 30_000,
  });

  const session = workplace.operator.session;
  const current = workplace.current;
  const available = session?.status === "AVAILABLE";
  const pending = actions.pending;
  const grace = workplace.branch?.noShowGraceSeconds ?? DEFAULT_NO_SHOW_GRACE_SECONDS;
  const waitingTotal = Object.values(workplace.waiting).reduce((sum, list) => sum + list.total, 0);
  const canCall = !!session && available && !current && !pending;
  const callReason = !session
    ? null
    : !available
      ? null
      : current
        ? t("queue.operator.holdingHint")
        : workplace.services.length === 0
          ? t("queue.operator.noServicesHint")
          : null;

  const open = (next: Dialog) => {
    setDialogError(null);
    setDialog(next);
  };
  const close = () => setDialog(null);
  // After a customer leaves the counter, Space (or Enter) calls the next one.
  const focusCallNext = () => window.setTimeout(() => callNextRef.current?.focus(), 0);

  const cardAction = (action: CardAction) => {
    if (!current) return;
    switch (action) {
      case "finish":
        return open("finish");
      case "transfer":
        // Who sits where changes all day: the colleague list is read afresh for each transfer.
        void directory.refetch();
        return open("transfer");
      case "cancel":
        return open("cancel");
      case "recall":
        return void actions.act(current.id, "recall");
      case "start":
        return void actions.act(current.id, "start");
      case "noShow":
        return void actions.act(current.id, "noShow").then((failed) => failed || focusCallNext());
      case "return":
        return void actions.act(current.id, "return").then((failed) => failed || focusCallNext());
      default: {
        const never: never = action;
        return never;
      }
    }
  };

  const status = current?.status;
  useShortcuts({
    Space: () => canCall && void actions.callNext(),
    KeyN: () => canCall && void actions.callNext(),
    KeyR: () => status === "CALLED" && cardAction("recall"),
    KeyA: () => status === "CALLED" && cardAction("start"),
    KeyX: () => {
      if (status !== "CALLED" || !current) return;
      const left = noShowRemaining(current, grace, now);
      // Too early: say when, rather than a key that seems not to work.
      if (left > 0) toast.show(t("queue.actions.noShowWait", { time: formatElapsed(left) }));
      else cardAction("noShow");
    },
    KeyF: () => status === "SERVING" && cardAction("finish"),
    KeyT: () => current && cardAction("transfer"),
    KeyI: () => open("walkIn"),
  });

  const cardPending: CardAction | null =
    pending?.kind === "ticket" && pending.ticketId === current?.id
      ? (
          {
            recall: "recall",
            start: "start",
            noShow: "noShow",
            finish: "finish",
            return: "return",
            cancel: "cancel",
            call: null,
          } as const
        )[pending.action]
      : pending?.kind === "transfer"
        ? "transfer"
        : null;

  return (
    <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] gap-4 p-4">
      <h1 className="sr-only">{t("queue.operator.title")}</h1>
      <div className="flex min-h-0 flex-col gap-3">
        {connection === "offline" && (
          <Alert tone="error" data-testid="offline-banner">
            {t("queue.operator.offlineBanner")}
          </Alert>
        )}
        <CurrentTicketCard
          ticket={current}
          now={now}
          graceSeconds={grace}
          pending={cardPending}
          onAction={cardAction}
        />
        {session && !available && (
          <AwayBanner
            session={session}
            now={now}
            pending={pending?.kind === "status"}
            onResume={() => void actions.setStatus("AVAILABLE")}
          />
        )}
        <CallNextButton
          ref={callNextRef}
          disabled={!canCall}
          reason={callReason}
          loading={pending?.kind === "callNext"}
          waiting={waitingTotal}
          onClick={() => void actions.callNext()}
        />
        <TodayStats stats={workplace.today} />
      </div>
      <div className="flex min-h-0 flex-col gap-3">
        <div className="flex items-center justify-between gap-2">
          <h2 className="text-lg font-semibold text-zinc-900">{t("queue.lists.title")}</h2>
          <div className="flex items-center gap-2">
            {mayCloseLine && (
              <Button
                variant="secondary"
                onClick={() => open("closeLine")}
                data-testid="close-line"
              >
                {t("queue.closeLine.button")}
              </Button>
            )}
            <Button variant="secondary" onClick={() => open("walkIn")} data-testid="new-ticket">
              {t("queue.actions.newTicket")}
              <Kbd>I</Kbd>
            </Button>
          </div>
        </div>
        <WaitingLists
          waiting={workplace.waiting}
          now={now}
          canCall={canCall}
          pendingId={
            pending?.kind === "ticket" && pending.action === "call" ? pending.ticketId : null
          }
          onCall={(ticket) => void actions.callTicket(ticket.id)}
        />
        <ShortcutHints />
      </div>

      {current && (
        <>
          <FinishDialog
            open={dialog === "finish"}
            label={current.label}
            pending={pending?.kind === "ticket" && pending.action === "finish"}
            error={dialogError}
            onClose={close}
            onFinish={async (note) => {
              const failed = await actions.act(current.id, "finish", note || undefined, false);
              if (failed) return setDialogError(failed.message);
              close();
              focusCallNext();
            }}
          />
          <TransferDialog
            open={dialog === "transfer"}
            label={current.label}
            currentServiceId={current.serviceId}
            selfId={workplace.operator.id}
            services={directory.data?.services ?? workplace.services}
            operators={directory.data?.operators ?? []}
            pending={pending?.kind === "transfer"}
            error={dialogError}
            onClose={close}
            onTransfer={async (choice) => {
              const failed = await actions.transfer(current.id, choice);
              if (failed) return setDialogError(failed.message);
              close();
              focusCallNext();
            }}
          />
          <ConfirmDialog
            open={dialog === "cancel"}
            title={t("queue.confirmCancel.title", { label: current.label })}
            description={t("queue.confirmCancel.text")}
            confirmLabel={t("queue.confirmCancel.confirm")}
            tone="danger"
            pending={pending?.kind === "ticket" && pending.action === "cancel"}
            error={dialogError}
            onClose={close}
            onConfirm={async () => {
              const failed = await actions.act(current.id, "cancel", undefined, false);
              if (failed) return setDialogError(failed.message);
              close();
              focusCallNext();
            }}
          />
        </>
      )}
      {mayCloseLine && workplace.branch && (
        <CloseLineDialog
          open={dialog === "closeLine"}
          slug={slug}
          branchId={workplace.branch.id}
          onClose={close}
          onDone={(cancelled) => toast.show(t("queue.closeLine.done", { count: cancelled }))}
        />
      )}
      <WalkInDialog
        open={dialog === "walkIn"}
        services={directory.data?.services ?? workplace.services}
        pending={pending?.kind === "issue"}
        error={dialogError}
        issued={issued}
        onClose={() => {
          setIssued(null);
          close();
        }}
        onAnother={() => setIssued(null)}
        onIssue={async (input) => {
          if (!workplace.branch) return;
          const failed = await actions.issue(workplace.branch.id, input, setIssued);
          setDialogError(failed?.message ?? null);
        }}
      />
    </main>
  );
}
