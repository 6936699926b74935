import { Suspense, lazy, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { LanguageSwitch } from "../../../components/ui/language-switch";
import { Logo } from "../../../components/ui/logo";
import { PageSpinner } from "../../../components/ui/spinner";
import { LeaveQueueSection } from "../../../features/ticket-tracking/components/leave-queue-section";
import { TicketLiveNotices } from "../../../features/ticket-tracking/components/ticket-live-notices";
import { TrackedTicketView } from "../../../features/ticket-tracking/components/tracked-ticket-view";
import { useTrackedTicket } from "../../../features/ticket-tracking/hooks/use-tracked-ticket";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import { useBuzzOnce } from "../../../lib/use-buzz";
import { useCompanyContext } from "../company/company-layout";

// Booked tickets only: the booking's panel and texts load when a ticket has an appointment.
const BookingSection = lazy(async () => {
  const m = await import("./booking-section");
  await m.bookingSectionReady;
  return m;
});

// The ticket's QR code and short link: its library and texts load after the ticket shows.
const TicketQrSection = lazy(async () => {
  const m = await import("./ticket-qr-section");
  await m.ticketQrSectionReady;
  return m;
});

// After a finished visit: rating it, with its texts.
const TicketRatingSection = lazy(async () => {
  const m = await import("./ticket-rating-section");
  await m.ticketRatingSectionReady;
  return m;
});

// "Follow in Telegram": shown only when the platform has a bot.
const TelegramFollowSection = lazy(async () => {
  const m = await import("./telegram-follow-section");
  await m.telegramFollowSectionReady;
  return m;
});

// "Notify me on this phone" (web push) and the ticket's channels, on or off.
const PushFollowSection = lazy(async () => {
  const m = await import("./push-follow-section");
  await m.pushFollowSectionReady;
  return m;
});

const FINAL = ["COMPLETED", "NO_SHOW", "CANCELLED", "TRANSFERRED", "EXPIRED"];

/** `/c/:slug/t/:token` (or `/t/:token` on the company's host): a customer follows their ticket. */
export function TicketTrackingPage() {
  const { t } = useTranslation();
  const { slug, info } = useCompanyContext();
  const token = useParams().token ?? "";
  const errorMessage = useErrorMessage();
  const { query, connection } = useTrackedTicket(slug, token);
  const ticket = query.data;

  useEffect(() => {
    if (!ticket) return;
    const called = ticket.status === "CALLED";
    document.title = `${called ? "🔔 " : ""}${ticket.label} — ${info.name}`;
  }, [ticket, info.name]);
  // A phone in a pocket: buzz once when the customer is called (not at every update after).
  useBuzzOnce(ticket?.status === "CALLED", [300, 150, 300]);

  return (
    <div className="min-h-dvh bg-zinc-100">
      <header className="flex items-center justify-between gap-3 bg-white px-4 py-3 shadow-xs">
        <div className="flex min-w-0 items-center gap-2">
          <Logo url={info.logoUrl} name={info.name} size="sm" />
          <span className="truncate font-semibold text-zinc-900">{info.name}</span>
        </div>
        <LanguageSwitch touch />
      </header>
      <main className="mx-auto max-w-md p-4">
        <h1 className="sr-only">{t("queue.track.title")}</h1>
        <TicketLiveNotices ticket={ticket} connection={connection} />
        <div className="rounded-2xl bg-white p-5 shadow-sm">
          {query.isPending ? (
            <PageSpinner />
          ) : ticket ? (
            <TrackedTicketView
              ticket={ticket}
              connection={connection}
              hideAppointment={ticket.appointmentAt !== null}
            />
          ) : (
            <Alert tone="error" data-testid="tracked-error">
              {isApiError(query.error) && query.error.status === 404
                ? t("queue.track.notFound")
                : errorMessage(query.error)}
            </Alert>
          )}
        </div>
        {ticket?.appointmentAt && (
          <Suspense fallback={null}>
            <BookingSection slug={slug} token={token} ticketStatus={ticket.status} />
          </Suspense>
        )}
        {ticket && !FINAL.includes(ticket.status) && (
          <Suspense fallback={null}>
            <TicketQrSection token={token} />
          </Suspense>
        )}
        {ticket && !FINAL.includes(ticket.status) && (
          <Suspense fallback={null}>
            <TelegramFollowSection token={token} />
          </Suspense>
        )}
        {ticket && !FINAL.includes(ticket.status) && (
          <Suspense fallback={null}>
            <PushFollowSection token={token} />
          </Suspense>
        )}
        {ticket && !ticket.appointmentAt && (
          <LeaveQueueSection slug={slug} token={token} status={ticket.status} />
        )}
        {ticket?.status === "COMPLETED" && (
          <Suspense fallback={null}>
            <TicketRatingSection slug={slug} token={token} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
