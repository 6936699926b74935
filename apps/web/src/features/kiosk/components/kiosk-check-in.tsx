import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import { localeOf, currentLanguage } from "../../../lib/i18n";
import { useLocalized } from "../../../lib/localized";
import type { CameraProblem } from "../../../lib/qr-scan/qr-scanner";
import { trackingLinkOf } from "../../../lib/qr-scan/tracking-link";
import { checkInAtKiosk, type KioskCheckIn } from "../api/kiosk.api";
import { useCountdown } from "../hooks/use-idle-reset";
import { useWaitText } from "./kiosk-services";
import { PRIMARY, SECONDARY } from "./kiosk-styles";
import { TICKET_SCREEN_SECONDS } from "./kiosk-ticket";
import { DigitKeypad } from "./on-screen-keys";

// The camera and its QR reader load only when someone asks to scan.
const QrScanner = lazy(() => import("../../../lib/qr-scan/qr-scanner"));

const CODE_LENGTH = 6;

type CheckInText =
  | "notOpen"
  | "notOpenDay"
  | "closed"
  | "notFound"
  | "notBooking"
  | "notOurQr"
  | "cameraDenied"
  | "cameraUnavailable";

/**
 * "I have a booking": the customer types the 6-digit code of their booking or scans its QR
 * code, and the booking checks in (WAITING) — or the screen says why not (too early, with the
 * time it opens; too late; not here).
 */
export function KioskCheckInScreen({
  slug,
  token,
  timeZone,
  onDone,
}: {
  slug: string;
  token: string;
  timeZone: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState("");
  const [scanning, setScanning] = useState(false);
  const [busy, setBusy] = useState(false);
  // Kept as what to say, not the words: the customer may switch the language after it.
  const [error, setError] = useState<
    { key: CheckInText; time?: string; date?: string } | { text: string } | null
  >(null);
  const [done, setDone] = useState<KioskCheckIn | null>(null);

  const clock = (iso: string) =>
    new Intl.DateTimeFormat(localeOf(currentLanguage()), {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    }).format(new Date(iso));

  // "04.12.2026", the numeric form people write here, on the branch's calendar. (Not
  // lib/format-numeric: the kiosk's first load is at its JavaScript budget.)
  const dayOf = (at: Date) =>
    new Intl.DateTimeFormat("ru-RU", {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone,
    }).format(at);

  const reasonOf = (e: unknown) => {
    if (!isApiError(e)) return { text: errorMessage(e) };
    if (e.code === "CHECK_IN_NOT_OPEN") {
      const opensAt = e.details.find((d) => d.path === "opensAt")?.message;
      if (!opensAt) return { key: "notOpen" as const, time: "…" };
      // A booking of another day names its day: "from 11:45" alone reads as today.
      const day = dayOf(new Date(opensAt));
      if (day !== dayOf(new Date())) {
        return { key: "notOpenDay" as const, time: clock(opensAt), date: day };
      }
      return { key: "notOpen" as const, time: clock(opensAt) };
    }
    if (e.code === "CHECK_IN_CLOSED") return { key: "closed" as const };
    if (e.code === "NOT_FOUND") return { key: "notFound" as const };
    if (e.code === "INVALID_STATE") return { key: "notBooking" as const };
    return { text: errorMessage(e) };
  };
  const errorText =
    error === null
      ? null
      : "text" in error
        ? error.text
        : t(`kiosk.checkIn.${error.key}`, { time: error.time, date: error.date });

  const submit = async (body: { code: string } | { token: string }) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { ticket } = await checkInAtKiosk(slug, token, body);
      setCode("");
      setScanning(false);
      setDone(ticket);
    } catch (e) {
      setError(reasonOf(e));
    } finally {
      setBusy(false);
    }
  };

  const onScanned = (text: string) => {
    const link = trackingLinkOf(text, window.location.host);
    if (!link) setError({ key: "notOurQr" });
    else void submit({ token: link.token });
  };
  const onProblem = (problem: CameraProblem) => {
    setScanning(false);
    setError({ key: problem === "denied" ? "cameraDenied" : "cameraUnavailable" });
  };

  if (done) return <CheckedIn ticket={done} onDone={onDone} />;

  return (
    <section
      aria-labelledby="kiosk-check-in"
      className="flex flex-col gap-8"
      data-testid="kiosk-check-in"
    >
      <div>
        <h1 id="kiosk-check-in" className="text-6xl font-bold text-zinc-950">
          {t("kiosk.checkIn.title")}
        </h1>
        <p className="mt-3 text-3xl text-zinc-800">{t("kiosk.checkIn.hint")}</p>
      </div>
      {errorText && (
        <p
          role="alert"
          className="rounded-xl bg-red-50 px-6 py-4 text-2xl text-red-900"
          data-testid="kiosk-check-in-error"
        >
          {errorText}
        </p>
      )}
      {scanning ? (
        <div className="flex flex-col items-center gap-4">
          <Suspense
            fallback={<p className="text-2xl text-zinc-800">{t("kiosk.checkIn.checking")}</p>}
          >
            <QrScanner
              onText={onScanned}
              onProblem={onProblem}
              label={t("kiosk.checkIn.scanHint")}
              className="aspect-square w-full max-w-xl rounded-2xl bg-zinc-900 object-cover"
            />
          </Suspense>
          <p className="text-3xl text-zinc-800">{t("kiosk.checkIn.scanHint")}</p>
          <button
            type="button"
            onClick={() => setScanning(false)}
            className={`${SECONDARY} w-full max-w-xl`}
          >
            {t("kiosk.checkIn.typeCode")}
          </button>
        </div>
      ) : (
        // On a landscape screen the keypad stands beside the code and the buttons, so the
        // whole form (and "Back" under it) fits 1080 px of height.
        <form
          className="mx-auto grid w-full max-w-xl gap-6 landscape:max-w-5xl landscape:grid-cols-2 landscape:content-start landscape:gap-x-12"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.length === CODE_LENGTH) void submit({ code });
          }}
        >
          <label
            htmlFor="kiosk-booking-code"
            className="text-3xl font-semibold text-zinc-900 landscape:col-start-1"
          >
            {t("kiosk.checkIn.code")}
          </label>
          <input
            id="kiosk-booking-code"
            data-testid="kiosk-booking-code"
            value={code}
            inputMode="numeric"
            autoComplete="off"
            maxLength={CODE_LENGTH}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, CODE_LENGTH))}
            className="rounded-2xl bg-white px-6 py-5 text-center font-mono text-6xl tracking-[0.4em] text-zinc-950 ring-2 ring-zinc-300 focus:ring-indigo-600 focus:outline-none landscape:col-start-1"
          />
          <div className="landscape:col-start-2 landscape:row-span-4 landscape:row-start-1">
            <DigitKeypad
              onDigit={(d) => setCode((c) => (c.length < CODE_LENGTH ? c + d : c))}
              onBack={() => setCode((c) => c.slice(0, -1))}
              onClear={() => setCode("")}
            />
          </div>
          <button
            type="submit"
            disabled={busy || code.length !== CODE_LENGTH}
            className={`${PRIMARY} landscape:col-start-1`}
            data-testid="kiosk-check-in-submit"
          >
            {busy ? t("kiosk.checkIn.checking") : t("kiosk.checkIn.submit")}
          </button>
          <button
            type="button"
            onClick={() => {
              setError(null);
              setScanning(true);
            }}
            className={`${SECONDARY} landscape:col-start-1`}
            data-testid="kiosk-check-in-scan"
          >
            {t("kiosk.checkIn.scan")}
          </button>
        </form>
      )}
      <button type="button" onClick={onDone} className={`${SECONDARY} self-start px-10`}>
        {t("kiosk.back")}
      </button>
    </section>
  );
}

/** The booking is in: its number, where it stands, and back to the start after a while. */
function CheckedIn({ ticket, onDone }: { ticket: KioskCheckIn; onDone: () => void }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const waitText = useWaitText();
  const left = useCountdown(TICKET_SCREEN_SECONDS, onDone);
  const ahead =
    ticket.peopleAhead > 0
      ? t("kiosk.ticket.ahead", { count: ticket.peopleAhead })
      : t("kiosk.ticket.aheadNone");
  return (
    <section
      aria-labelledby="kiosk-checked-in"
      className="flex flex-col items-center gap-6 text-center"
      data-testid="kiosk-checked-in"
    >
      <h1 id="kiosk-checked-in" className="text-5xl font-bold text-emerald-800">
        {t("kiosk.checkIn.done")}
      </h1>
      <p className="font-mono text-[9rem] leading-none font-extrabold tracking-tight text-indigo-700">
        {ticket.label}
      </p>
      <p className="text-5xl font-bold text-zinc-950">{local(ticket.serviceName)}</p>
      <p className="text-3xl text-zinc-800">
        {t("kiosk.checkIn.booked", { time: ticket.localTime })}
      </p>
      {ticket.late && (
        <p className="w-full rounded-2xl bg-amber-100 px-6 py-4 text-2xl font-semibold text-amber-950 ring-1 ring-amber-300">
          {t("kiosk.checkIn.late")}
        </p>
      )}
      <div className="grid w-full grid-cols-2 gap-4">
        <p className="rounded-2xl bg-white px-4 py-5 text-3xl font-semibold text-zinc-900 ring-1 ring-zinc-200">
          {ahead}
        </p>
        <p className="rounded-2xl bg-white px-4 py-5 text-3xl font-semibold text-zinc-900 ring-1 ring-zinc-200">
          {waitText(ticket.wait, "kiosk.ticket.eta")}
        </p>
      </div>
      <button type="button" onClick={onDone} className={`${PRIMARY} w-full max-w-xl`}>
        {t("kiosk.ticket.done")}
      </button>
      <p className="text-2xl text-zinc-700" aria-live="off">
        {t("kiosk.ticket.backIn", { seconds: left })}
      </p>
    </section>
  );
}
