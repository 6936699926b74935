import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../../../components/ui/badge";
import { cn } from "../../../lib/cn";
import { useLocalized } from "../../../lib/localized";
import { formatElapsed } from "../../../lib/use-now";
import type { QueueTicket } from "../api/operator.types";
import { ActionButton } from "./action-button";
import { Kbd } from "./kbd";
import { TicketBadges } from "./ticket-badges";

export type CardAction =
  "recall" | "start" | "noShow" | "finish" | "transfer" | "return" | "cancel";

type Props = {
  ticket: QueueTicket | null;
  now: number;
  graceSeconds: number;
  pending: CardAction | null;
  onAction: (action: CardAction) => void;
};

const seconds = (from: string | null, to: number) =>
  from ? Math.max(0, (to - Date.parse(from)) / 1000) : 0;

/** Seconds left before "did not come" may be marked, counted from the last call or recall. */
export function noShowRemaining(ticket: QueueTicket, graceSeconds: number, now: number): number {
  if (ticket.status !== "CALLED" || !ticket.calledAt) return 0;
  return Math.max(0, Math.ceil(graceSeconds - seconds(ticket.calledAt, now)));
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold text-zinc-900 tabular-nums">{children}</dd>
    </div>
  );
}

/** The customer at the counter now: number, service, who, how long, and what to do next. */
export function CurrentTicketCard({ ticket, now, graceSeconds, pending, onAction }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();

  if (!ticket) {
    return (
      <section
        aria-labelledby="current-title"
        data-testid="current-ticket"
        data-status="NONE"
        className="flex flex-1 flex-col items-center justify-center rounded-xl border-2 border-dashed border-zinc-300 bg-white p-6 text-center"
      >
        <h2
          id="current-title"
          className="text-sm font-semibold tracking-wide text-zinc-500 uppercase"
        >
          {t("queue.current.title")}
        </h2>
        <p className="mt-3 text-2xl font-semibold text-zinc-800">{t("queue.current.empty")}</p>
        <p className="mt-1 text-zinc-500">{t("queue.current.emptyHint")}</p>
      </section>
    );
  }

  const called = ticket.status === "CALLED";
  const serving = ticket.status === "SERVING";
  const remaining = noShowRemaining(ticket, graceSeconds, now);
  const waitedUntil = ticket.calledAt ? Date.parse(ticket.calledAt) : now;
  const busy = pending !== null;

  return (
    <section
      aria-labelledby="current-title"
      data-testid="current-ticket"
      data-status={ticket.status}
      className={cn(
        "flex flex-1 flex-col rounded-xl border-2 bg-white p-5 shadow-sm",
        serving ? "border-emerald-500" : "border-indigo-500",
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2
          id="current-title"
          className="text-sm font-semibold tracking-wide text-zinc-500 uppercase"
        >
          {t("queue.current.title")}
        </h2>
        <Badge tone={serving ? "green" : "indigo"} dot data-testid="current-status">
          {t(`queue.ticketStatus.${ticket.status}`)}
        </Badge>
        <TicketBadges ticket={ticket} />
      </div>
      <div className="mt-2 flex items-end gap-5">
        <p
          className="text-7xl leading-none font-black tracking-tight text-zinc-900 tabular-nums"
          data-testid="current-label"
        >
          {ticket.label}
        </p>
        <div className="min-w-0 pb-1">
          <p className="truncate text-xl font-semibold text-zinc-800" data-testid="current-service">
            {localized(ticket.serviceName)}
          </p>
          {(ticket.customerName || ticket.customerPhone) && (
            <p className="truncate text-base text-zinc-600" data-testid="current-customer">
              {[ticket.customerName, ticket.customerPhone].filter(Boolean).join(" · ")}
            </p>
          )}
        </div>
      </div>
      <dl className="mt-4 grid grid-cols-3 gap-4 border-y border-zinc-100 py-3">
        <Fact label={t("queue.current.waited")}>
          {formatElapsed(seconds(ticket.queuedAt, waitedUntil))}
        </Fact>
        <Fact label={t("queue.current.sinceCall")}>
          {formatElapsed(seconds(ticket.calledAt, now))}
          {ticket.recallCount > 0 && (
            <span className="ml-2 text-sm font-medium text-amber-700">
              {t("queue.current.recalls", { count: ticket.recallCount })}
            </span>
          )}
        </Fact>
        <Fact label={t("queue.current.serving")}>
          {serving ? formatElapsed(seconds(ticket.startedAt, now)) : t("common.none")}
        </Fact>
      </dl>
      <div className="mt-auto flex flex-wrap gap-2 pt-4">
        {called && (
          <>
            <ActionButton
              tone="go"
              onClick={() => onAction("start")}
              loading={pending === "start"}
              disabled={busy}
            >
              {t("queue.actions.arrived")}
              <Kbd>A</Kbd>
            </ActionButton>
            <ActionButton
              onClick={() => onAction("recall")}
              loading={pending === "recall"}
              disabled={busy}
            >
              {t("queue.actions.recall")}
              <Kbd>R</Kbd>
            </ActionButton>
            <ActionButton
              onClick={() => onAction("noShow")}
              loading={pending === "noShow"}
              disabled={busy || remaining > 0}
              data-testid="no-show"
              aria-describedby={remaining > 0 ? "no-show-wait" : undefined}
            >
              {t("queue.actions.noShow")}
              {remaining > 0 ? (
                <span id="no-show-wait" className="font-mono text-sm tabular-nums">
                  {t("queue.actions.noShowIn", { time: formatElapsed(remaining) })}
                </span>
              ) : (
                <Kbd>X</Kbd>
              )}
            </ActionButton>
          </>
        )}
        {serving && (
          <ActionButton
            tone="go"
            className="px-8"
            onClick={() => onAction("finish")}
            loading={pending === "finish"}
            disabled={busy}
          >
            {t("queue.actions.finish")}
            <Kbd>F</Kbd>
          </ActionButton>
        )}
        <ActionButton onClick={() => onAction("transfer")} disabled={busy}>
          {t("queue.actions.transfer")}
          <Kbd>T</Kbd>
        </ActionButton>
        {called && (
          <div className="ml-auto flex gap-2">
            <ActionButton
              tone="quiet"
              onClick={() => onAction("return")}
              loading={pending === "return"}
              disabled={busy}
            >
              {t("queue.actions.returnToQueue")}
            </ActionButton>
            <ActionButton tone="danger" onClick={() => onAction("cancel")} disabled={busy}>
              {t("queue.actions.cancelTicket")}
            </ActionButton>
          </div>
        )}
      </div>
    </section>
  );
}
