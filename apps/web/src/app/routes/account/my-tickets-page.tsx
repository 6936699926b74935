import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { Badge, type BadgeTone } from "../../../components/ui/badge";
import { Button, buttonClass } from "../../../components/ui/button";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { PageSpinner } from "../../../components/ui/spinner";
import { useToast } from "../../../components/ui/toast";
import type { MyTicket } from "../../../features/customer-account/api/my-tickets.api";
import { formatLocalPhone } from "../../../components/phone-input";
import {
  useCancelMyTicket,
  useMyTickets,
} from "../../../features/customer-account/hooks/use-my-tickets";
import { PortalShell } from "../../../features/portal/components/portal-shell";
import { customerSession } from "../../../lib/auth/customer-session";
import { AccountChannelsSection } from "../../../features/customer-account/components/account-channels";
import { cn } from "../../../lib/cn";
import { useSessionState } from "../../../lib/auth/sessions";
import { useErrorMessage } from "../../../lib/errors";
import { useFormatDate } from "../../../lib/format";
import { useLocalized } from "../../../lib/localized";

const toneOf = (status: string): BadgeTone =>
  status === "CALLED"
    ? "green"
    : status === "WAITING" || status === "SERVING"
      ? "indigo"
      : status === "BOOKED"
        ? "blue"
        : status === "COMPLETED"
          ? "gray"
          : "amber";

function TicketCard({ ticket, onCancel }: { ticket: MyTicket; onCancel: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const formatDate = useFormatDate();
  return (
    <li
      className="rounded-2xl bg-white p-4 shadow-sm"
      data-testid="my-ticket"
      data-status={ticket.status}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate text-sm font-medium text-zinc-500">{ticket.company.name}</p>
          <p className="text-3xl font-black tracking-tight text-zinc-900 tabular-nums">
            {ticket.label}
          </p>
        </div>
        <Badge tone={toneOf(ticket.status)}>{t(`queue.ticketStatus.${ticket.status}`)}</Badge>
      </div>
      <p className="mt-1 text-zinc-800">{localized(ticket.serviceName)}</p>
      <p className="text-sm text-zinc-500">
        {localized(ticket.branchName)} · {t(`queue.source.${ticket.source}`)}
      </p>
      <p className="mt-1 text-sm text-zinc-600">
        {ticket.appointmentAt
          ? t("account.appointmentAt", {
              time: formatDate(ticket.appointmentAt, true, ticket.timeZone),
            })
          : t("account.issuedAt", { time: formatDate(ticket.issuedAt, true, ticket.timeZone) })}
      </p>
      <div className="mt-3 flex gap-2">
        <Link to={ticket.trackPath} className={buttonClass("secondary")}>
          {t("account.open")}
        </Link>
        {ticket.canCancel && (
          <Button variant="dangerGhost" onClick={onCancel}>
            {t("account.cancel")}
          </Button>
        )}
      </div>
    </li>
  );
}

function Section(props: {
  title: string;
  total: number;
  empty: string;
  tickets: MyTicket[];
  onCancel: (ticket: MyTicket) => void;
  testId: string;
}) {
  return (
    <section className="mb-6" data-testid={props.testId}>
      <h2 className="mb-2 flex items-center gap-2 text-lg font-semibold text-zinc-900">
        {props.title}
        <span className="rounded-full bg-zinc-200 px-2 text-sm text-zinc-700 tabular-nums">
          {props.total}
        </span>
      </h2>
      {props.tickets.length === 0 ? (
        <p className="rounded-xl bg-white px-4 py-3 text-sm text-zinc-500">{props.empty}</p>
      ) : (
        <ul className="space-y-3">
          {props.tickets.map((ticket) => (
            <TicketCard key={ticket.id} ticket={ticket} onCancel={() => props.onCancel(ticket)} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/me`: my tickets in every company — in a line now, booked, and the history. */
export function MyTicketsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const toast = useToast();
  const session = useSessionState(customerSession);
  const { query: tickets, connection } = useMyTickets(session.status === "authenticated");
  const cancel = useCancelMyTicket();
  const [cancelling, setCancelling] = useState<MyTicket | null>(null);

  useEffect(() => {
    void customerSession.ensure();
  }, []);
  if (session.status === "anonymous") return <Navigate to="/sign-in?next=/me" replace />;

  return (
    <PortalShell>
      <div className="mb-4 flex items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-zinc-900">{t("account.myTickets")}</h1>
          {session.user && (
            <p className="text-sm text-zinc-500">
              {t("account.signedInAs", {
                // Non-breaking: a number is not split across two lines.
                phone: `+998 ${formatLocalPhone(session.user.phone)}`.replace(/ /g, "\u00a0"),
              })}
            </p>
          )}
        </div>
        <Button variant="ghost" onClick={() => void customerSession.logout()}>
          {t("account.signOut")}
        </Button>
      </div>
      {session.status === "unknown" || tickets.isPending ? (
        <PageSpinner />
      ) : tickets.isError ? (
        <Alert tone="error">{errorMessage(tickets.error)}</Alert>
      ) : (
        <>
          <Section
            testId="my-active"
            title={t("account.activeTitle")}
            total={tickets.data.totals.active}
            empty={t("account.emptyActive")}
            tickets={tickets.data.active}
            onCancel={setCancelling}
          />
          <Section
            testId="my-booked"
            title={t("account.bookedTitle")}
            total={tickets.data.totals.booked}
            empty={t("account.emptyBooked")}
            tickets={tickets.data.booked}
            onCancel={setCancelling}
          />
          <Section
            testId="my-history"
            title={t("account.historyTitle")}
            total={tickets.data.totals.history}
            empty={t("account.emptyHistory")}
            tickets={tickets.data.history}
            onCancel={setCancelling}
          />
          <p
            className={cn(
              "mb-4 flex items-center justify-center gap-2 text-sm",
              connection === "offline" ? "font-semibold text-red-700" : "text-zinc-600",
            )}
            role="status"
            data-testid="my-tickets-connection"
            data-status={connection}
          >
            <span
              aria-hidden="true"
              className={cn(
                "size-2 rounded-full",
                connection === "online" ? "bg-emerald-500" : "animate-pulse bg-amber-500",
              )}
            />
            {connection === "offline" ? t("account.listPolling") : t("account.listLive")}
          </p>
          <AccountChannelsSection />
          <p className="text-center">
            <Link to="/" className="text-sm text-zinc-600 underline">
              {t("account.findCompany")}
            </Link>
          </p>
        </>
      )}
      <ConfirmDialog
        open={cancelling !== null}
        title={t("account.cancel")}
        description={t("account.cancelConfirm", { label: cancelling?.label ?? "" })}
        confirmLabel={t("account.cancelYes")}
        dismissLabel={t("account.keep")}
        tone="danger"
        pending={cancel.isPending}
        error={cancel.isError ? errorMessage(cancel.error) : null}
        onClose={() => {
          cancel.reset();
          setCancelling(null);
        }}
        onConfirm={() => {
          if (!cancelling) return;
          const label = cancelling.label;
          cancel.mutate(cancelling.id, {
            onSuccess: () => {
              toast.show(t("account.cancelled", { label }));
              setCancelling(null);
            },
          });
        }}
      />
    </PortalShell>
  );
}
