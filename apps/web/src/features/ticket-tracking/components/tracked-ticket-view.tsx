import type { ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { cn } from "../../../lib/cn";
import { useLocalized } from "../../../lib/localized";
import type { ConnectionStatus } from "../../../lib/realtime/use-realtime";
import { formatClock } from "../../../lib/use-now";
import type { TrackedTicket } from "../api/tracking.api";

/** The states a ticket still moves on from (the page is live for them). */
const OPEN = new Set(["BOOKED", "WAITING", "CALLED", "SERVING"]);

type FigureProps = { label: string; value: ReactNode; testId: string; wide?: boolean };

// A direct child of the <dl> (a wrapper between them breaks the list for screen readers).
function Figure({ label, value, testId, wide = false }: FigureProps) {
  return (
    <div className={cn("min-w-0 rounded-xl bg-zinc-50 px-3 py-3 sm:px-4", wide && "col-span-2")}>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      {/* Scales down on a narrow phone: "22 человека" fits a half-width tile at 320 px. */}
      <dd
        className="mt-0.5 text-[clamp(1rem,5vw,1.5rem)] font-bold break-words text-zinc-900 tabular-nums"
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}

function etaText(ticket: TrackedTicket, t: TFunction): string {
  const eta = ticket.estimate;
  if (!eta) return "";
  if (ticket.peopleAhead === 0) return t("queue.track.youAreNext");
  if (eta.noOperators) return t("queue.track.noOperators");
  if (eta.lowMinutes === eta.highMinutes)
    return t("queue.track.etaAbout", { minutes: eta.minutes });
  return t("queue.track.etaRange", { low: eta.lowMinutes, high: eta.highMinutes });
}

/** A customer's own ticket on their phone: where they are, how long, where to go when called. */
export function TrackedTicketView({
  ticket,
  connection,
  hideAppointment = false,
}: {
  ticket: TrackedTicket;
  connection: ConnectionStatus;
  /** The page shows the appointment itself (in the branch's time zone, with its actions). */
  hideAppointment?: boolean;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const called = ticket.status === "CALLED" && ticket.counterNumber !== null;
  const waiting = ticket.status === "WAITING" || ticket.status === "BOOKED";
  const counter =
    ticket.counterNumber !== null ? t("queue.counterName", { number: ticket.counterNumber }) : "";
  return (
    <div className="space-y-4" data-testid="tracked-ticket" data-status={ticket.status}>
      <div className="text-center">
        <p className="text-sm text-zinc-500">{localized(ticket.branchName)}</p>
        <p className="mt-1 text-6xl font-black tracking-tight text-zinc-900 tabular-nums">
          {ticket.label}
        </p>
        <p className="mt-1 text-base text-zinc-700">{localized(ticket.serviceName)}</p>
        <p
          className={cn(
            "mt-3 inline-flex rounded-full px-3 py-1 text-sm font-semibold",
            called ? "bg-emerald-600 text-white" : "bg-zinc-100 text-zinc-800",
          )}
          data-testid="tracked-status"
        >
          {t(`queue.ticketStatus.${ticket.status}`)}
        </p>
      </div>
      {called && (
        <div
          role="alert"
          className="rounded-2xl bg-emerald-600 px-5 py-6 text-center text-white shadow-lg"
        >
          <p className="text-2xl font-bold">{t("queue.track.calledTitle")}</p>
          <p className="mt-1 text-3xl font-black" data-testid="tracked-counter">
            {t("queue.track.calledText", { counter })}
          </p>
        </div>
      )}
      {waiting && (
        <dl className="grid grid-cols-2 gap-3">
          {ticket.position !== null && (
            <Figure
              label={t("queue.track.position")}
              value={ticket.position}
              testId="tracked-position"
            />
          )}
          {ticket.peopleAhead !== null && (
            <Figure
              label={t("queue.track.ahead")}
              value={t("queue.track.aheadCount", { count: ticket.peopleAhead })}
              testId="tracked-ahead"
            />
          )}
          {ticket.estimate && (
            <Figure
              label={t("queue.track.eta")}
              value={etaText(ticket, t)}
              testId="tracked-eta"
              wide
            />
          )}
          {ticket.appointmentAt && !hideAppointment && (
            <Figure
              label={t("queue.track.appointment")}
              value={formatClock(Date.parse(ticket.appointmentAt))}
              testId="tracked-appointment"
              wide
            />
          )}
        </dl>
      )}
      {/* Live while the ticket can still change; a finished one says nothing of the line. */}
      {OPEN.has(ticket.status) && (
        <p
          className={cn(
            "flex items-center justify-center gap-2 text-sm",
            connection === "offline" ? "font-semibold text-red-700" : "text-zinc-500",
          )}
          role="status"
        >
          <span
            aria-hidden="true"
            className={cn(
              "size-2 rounded-full",
              connection === "online" ? "bg-emerald-500" : "animate-pulse bg-red-500",
            )}
          />
          {connection === "online" ? t("queue.track.live") : t(`queue.connection.${connection}`)}
        </p>
      )}
    </div>
  );
}
