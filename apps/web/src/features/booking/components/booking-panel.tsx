import { useEffect, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { Button, buttonClass } from "../../../components/ui/button";
import { InlineConfirm } from "../../../components/ui/inline-confirm";
import { companyBase } from "../../../lib/company-host";
import { useErrorMessage } from "../../../lib/errors";
import { useZoneName } from "../../../lib/format";
import type { Booking, BookingSlot } from "../api/booking.api";
import { useBooking, useBookingActions } from "../hooks/use-booking";
import { bookAgainPath } from "./book-again";
import { longDate } from "./local-days";
import { SlotPicker } from "./slot-picker";

/** "HH:MM" of an instant on the branch's clock. */
function branchClock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/**
 * A booking on the ticket's page: its date and time in the branch's zone, checking in inside
 * the window, moving it, cancelling it, and adding it to a calendar.
 */
export function BookingPanel({
  slug,
  token,
  ticketStatus,
}: {
  slug: string;
  token: string;
  /** The live ticket's status: when staff check the customer in, the panel follows at once. */
  ticketStatus: string;
}) {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  const errorMessage = useErrorMessage();
  const query = useBooking(slug, token);
  const actions = useBookingActions(slug, token);
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState<BookingSlot | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  // What to say, not the words: the customer may switch the language after it.
  const [notice, setNotice] = useState<Notice | null>(null);
  const { refetch } = query;
  useEffect(() => {
    void refetch();
  }, [ticketStatus, refetch]);
  const booking = query.data;
  if (!booking) return null;
  // Each refusal shows beside the button that met it: on a phone the top of the panel is
  // a screen away from the reschedule and cancel buttons.
  const problem = (m: { isError: boolean; error: unknown }) =>
    m.isError && <Alert tone="error">{errorMessage(m.error)}</Alert>;
  const from = branchClock(booking.checkIn.opensAt, booking.timeZone);
  const to = branchClock(booking.checkIn.closesAt, booking.timeZone);
  return (
    <section
      className="mt-4 space-y-4 rounded-2xl bg-white p-5 shadow-sm"
      data-testid="booking-panel"
      data-status={booking.status}
    >
      <div>
        {booking.status === "BOOKED" && (
          <h2 className="text-lg font-semibold text-emerald-700">{t("booking.confirmTitle")}</h2>
        )}
        <p className="text-sm text-zinc-500">{t("booking.appointment")}</p>
        <p className="text-2xl font-bold text-zinc-900 tabular-nums" data-testid="booking-when">
          {t("booking.chosen", { date: longDate(booking.localDate), time: booking.localTime })}
        </p>
        <p className="text-xs text-zinc-500">
          {t("booking.branchTime", { zone: zoneName(booking.timeZone) })}
        </p>
      </div>
      {notice && (
        <Alert tone="success">
          {notice.key === "booking.movedNewNumber" ? t(notice.key, notice) : t(notice.key)}
        </Alert>
      )}
      {booking.status === "CANCELLED" && (
        <Alert tone="info">{cancelledText(t, booking.cancelled)}</Alert>
      )}
      {booking.status === "EXPIRED" && <Alert tone="info">{t("booking.expired")}</Alert>}
      <BookAgain slug={slug} booking={booking} />
      {booking.status === "BOOKED" && (
        <div className="space-y-2">
          <p className="text-sm text-zinc-700">
            {t("booking.checkInWindow", { from, to })}{" "}
            {booking.checkIn.lateArrival === "WALK_IN"
              ? t("booking.lateWalkIn", { to })
              : t("booking.lateExpire", { to })}
          </p>
          <p className="text-sm text-zinc-700" data-testid="booking-check-in-code">
            {t("booking.kioskCode")}{" "}
            <strong className="font-mono text-xl tracking-widest text-zinc-900">
              {booking.checkInCode}
            </strong>
          </p>
          {booking.canCheckIn && (
            <Button
              className="h-12 w-full text-base"
              loading={actions.checkIn.isPending}
              onClick={() =>
                actions.checkIn.mutate(undefined, {
                  onSuccess: () => setNotice({ key: "booking.checkedIn" }),
                })
              }
            >
              {actions.checkIn.isPending ? t("booking.checkingIn") : t("booking.checkIn")}
            </Button>
          )}
        </div>
      )}
      {problem(actions.checkIn)}
      {booking.canChange && moving && (
        <div className="space-y-3 border-t border-zinc-200 pt-4">
          <h3 className="font-semibold text-zinc-900">{t("booking.rescheduleTitle")}</h3>
          <SlotPicker
            slug={slug}
            branchSlug={booking.branch.slug}
            serviceId={booking.service.id}
            selected={target}
            onSelect={setTarget}
            exceptStartsAt={booking.startsAt}
            initialDay={booking.localDate}
            headingLevel={4}
          />
          {problem(actions.reschedule)}
          <div className="grid gap-2 sm:grid-cols-2">
            <Button variant="secondary" className="h-12" onClick={() => setMoving(false)}>
              {t("booking.back")}
            </Button>
            <Button
              className="h-12"
              disabled={!target}
              loading={actions.reschedule.isPending}
              onClick={() =>
                target &&
                actions.reschedule.mutate(target.startsAt, {
                  onSuccess: ({ booking: moved }) => {
                    setMoving(false);
                    setTarget(null);
                    // Another day gives the booking that day's number: the customer must know it.
                    setNotice(
                      moved.label === booking.label
                        ? { key: "booking.moved" }
                        : { key: "booking.movedNewNumber", label: moved.label },
                    );
                  },
                })
              }
            >
              {target
                ? t("booking.rescheduleSubmit", {
                    date: longDate(target.localDate),
                    time: target.localTime,
                  })
                : t("booking.reschedule")}
            </Button>
          </div>
        </div>
      )}
      <BookingLinks
        booking={booking}
        moving={moving}
        onMove={() => setMoving(true)}
        confirmCancel={confirmCancel}
        setConfirmCancel={setConfirmCancel}
        cancelPending={actions.cancel.isPending}
        onCancel={() =>
          actions.cancel.mutate(undefined, {
            onSuccess: () => {
              setConfirmCancel(false);
              setNotice(null);
            },
          })
        }
      />
      {problem(actions.cancel)}
    </section>
  );
}

type Notice =
  { key: "booking.checkedIn" | "booking.moved" } | { key: "booking.movedNewNumber"; label: string };

/** What a cancelled booking's page says: who cancelled it, and why when the branch did. */
function cancelledText(t: TFunction, c: Booking["cancelled"]): string {
  if (!c || c.by === "CUSTOMER") return t("booking.cancelled");
  if (c.message) return t("booking.cancelledWithMessage", { message: c.message });
  if (c.reason === "HOURS") return t("booking.cancelledHours");
  if (c.reason === "SERVICE") return t("booking.cancelledService");
  return t("booking.cancelledByBranch");
}

/**
 * A missed booking (its time passed, or the customer did not come) or a cancelled one: book the
 * same service anew, so the page is never a dead end.
 */
function BookAgain({ slug, booking }: { slug: string; booking: Booking }) {
  const { t } = useTranslation();
  const to = bookAgainPath(companyBase(slug), booking);
  if (!to) return null;
  const cancelled = booking.status === "CANCELLED";
  return (
    <Link
      to={to}
      className={`${buttonClass(cancelled ? "secondary" : "primary")} h-12 w-full text-base`}
      data-testid="booking-again"
    >
      {cancelled ? t("booking.bookAnother") : t("booking.bookAgain")}
    </Link>
  );
}

type BookingLinksProps = {
  booking: Booking;
  moving: boolean;
  onMove: () => void;
  confirmCancel: boolean;
  setConfirmCancel: (v: boolean) => void;
  cancelPending: boolean;
  onCancel: () => void;
};

function BookingLinks(props: BookingLinksProps) {
  const { t, i18n } = useTranslation();
  const { booking } = props;
  const lang = ["uz", "ru", "en"].includes(i18n.language) ? i18n.language : "uz";
  return (
    <div className="space-y-2">
      {booking.status === "BOOKED" && (
        <a
          href={`${booking.calendarPath}?lang=${lang}`}
          download
          className={`${buttonClass("secondary")} h-12 w-full text-base`}
          data-testid="booking-calendar"
        >
          {t("booking.addToCalendar")}
        </a>
      )}
      {booking.canChange && !props.moving && (
        <Button variant="secondary" className="h-12 w-full text-base" onClick={props.onMove}>
          {t("booking.reschedule")}
        </Button>
      )}
      {booking.canCancel &&
        (props.confirmCancel ? (
          <InlineConfirm
            question={t("booking.cancelConfirm")}
            keepLabel={t("booking.keep")}
            confirmLabel={t("booking.cancelYes")}
            pending={props.cancelPending}
            onKeep={() => props.setConfirmCancel(false)}
            onConfirm={props.onCancel}
          />
        ) : (
          <Button
            variant="dangerGhost"
            className="h-12 w-full text-base"
            onClick={() => props.setConfirmCancel(true)}
          >
            {t("booking.cancel")}
          </Button>
        ))}
    </div>
  );
}
