import { useTranslation } from "react-i18next";
import type { ConnectionStatus } from "../../../lib/realtime/use-realtime";
import { useBuzzOnce } from "../../../lib/use-buzz";
import type { TrackedTicket } from "../api/tracking.api";

/** People ahead at or under which the customer is told to come close. */
export const NEARLY_UP_AHEAD = 2;
/** Estimated minutes at or under which the same is said. */
export const NEARLY_UP_MINUTES = 5;
/**
 * Few people ahead say "soon" only while the estimate is at most this: two people ahead of a
 * 40-minute service are not "soon", and the card under the notice would say 41–83 min.
 */
export const NEARLY_UP_AHEAD_MAX_MINUTES = 15;

/**
 * True when a waiting ticket's turn is close: a short estimate, or few people ahead and not a
 * long estimate — and someone serves the line now (nobody calls while its operators are away;
 * the page says so instead).
 */
export function isNearlyUp(ticket: TrackedTicket): boolean {
  if (ticket.status !== "WAITING") return false;
  const eta = ticket.estimate;
  if (eta?.noOperators) return false;
  if (eta !== null && eta.minutes <= NEARLY_UP_MINUTES) return true;
  const fewAhead = ticket.peopleAhead !== null && ticket.peopleAhead <= NEARLY_UP_AHEAD;
  return fewAhead && (eta === null || eta.minutes <= NEARLY_UP_AHEAD_MAX_MINUTES);
}

/**
 * The live page's notices above the ticket: "offline — reconnecting" while the socket is down
 * (the page resyncs from the server's snapshot when it is back), and "nearly up" when the turn
 * is close, with one buzz of the phone when it becomes so.
 */
export function TicketLiveNotices({
  ticket,
  connection,
}: {
  ticket: TrackedTicket | undefined;
  connection: ConnectionStatus;
}) {
  const { t } = useTranslation();
  const nearly = ticket !== undefined && isNearlyUp(ticket);
  useBuzzOnce(nearly, 200);
  return (
    <>
      {connection === "offline" && (
        <p
          role="alert"
          data-testid="tracked-offline"
          className="mb-3 flex items-center gap-2 rounded-2xl bg-amber-100 px-4 py-3 text-sm font-semibold text-amber-950 ring-1 ring-amber-300"
        >
          <span
            aria-hidden="true"
            className="size-2.5 shrink-0 animate-pulse rounded-full bg-red-600"
          />
          {t("queue.track.offlineBanner")}
        </p>
      )}
      {nearly && (
        <div
          role="status"
          data-testid="tracked-nearly-up"
          className="mb-3 rounded-2xl bg-indigo-700 px-5 py-4 text-center text-white shadow"
        >
          <p className="text-xl font-bold">{t("queue.track.nearlyUpTitle")}</p>
          <p className="mt-1 text-base">{t("queue.track.nearlyUpText")}</p>
        </div>
      )}
    </>
  );
}
