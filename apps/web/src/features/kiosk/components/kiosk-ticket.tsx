import { useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../lib/i18n";
import { useLocalized } from "../../../lib/localized";
import type { KioskTicket } from "../api/kiosk.api";
import { useCountdown } from "../hooks/use-idle-reset";
import { useQrSvg } from "../hooks/use-qr-svg";
import { KioskReceipt } from "./kiosk-receipt";
import { useWaitText } from "./kiosk-services";
import { PRIMARY, SECONDARY } from "./kiosk-styles";

/** How long the ticket stays on screen before the kiosk is ready for the next person. */
export const TICKET_SCREEN_SECONDS = 20;
// Printing waits this long at most for the QR code to be drawn.
const PRINT_WAIT_MS = 1500;

/**
 * The issued ticket: its number, service, people ahead, the wait, the QR code of the tracking
 * link and a print button; it prints by itself when the kiosk is set to, and goes back to the
 * start after a while.
 */
export function KioskTicketScreen({
  ticket,
  trackUrl,
  companyName,
  branchName,
  timeZone,
  autoPrint,
  languages,
  onDone,
}: {
  ticket: KioskTicket;
  trackUrl: string;
  companyName: string;
  branchName: string;
  timeZone: string;
  autoPrint: boolean;
  languages: readonly Language[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const waitText = useWaitText();
  const qrSvg = useQrSvg(trackUrl);
  const left = useCountdown(TICKET_SCREEN_SECONDS, onDone);
  const printed = useRef(false);

  useEffect(() => {
    if (!autoPrint || printed.current) return;
    const print = () => {
      if (printed.current) return;
      printed.current = true;
      window.print();
    };
    if (qrSvg) {
      // Let the receipt (with its QR code) render before the print dialog takes the page.
      const frame = requestAnimationFrame(print);
      return () => cancelAnimationFrame(frame);
    }
    const timer = setTimeout(print, PRINT_WAIT_MS);
    return () => clearTimeout(timer);
  }, [autoPrint, qrSvg]);

  const serviceName = local(ticket.serviceName);
  const ahead =
    ticket.peopleAhead > 0
      ? t("kiosk.ticket.ahead", { count: ticket.peopleAhead })
      : t("kiosk.ticket.aheadNone");
  const eta = waitText(ticket.wait, "kiosk.ticket.eta");
  return (
    <>
      <section
        aria-labelledby="kiosk-ticket-title"
        className="flex flex-col items-center gap-6 text-center"
        data-testid="kiosk-ticket"
      >
        <h1 id="kiosk-ticket-title" className="text-4xl font-semibold text-zinc-800">
          {t("kiosk.ticket.title")}
        </h1>
        <p
          className="font-mono text-[11rem] leading-none font-extrabold tracking-tight text-indigo-700"
          data-testid="kiosk-ticket-number"
        >
          {ticket.label}
        </p>
        <p className="text-5xl font-bold text-zinc-950">{serviceName}</p>
        {ticket.offline && (
          <p
            className="w-full rounded-2xl bg-amber-100 px-6 py-4 text-2xl font-semibold text-amber-950 ring-1 ring-amber-300"
            data-testid="kiosk-ticket-offline"
          >
            {t("kiosk.ticket.offlineNote")}
          </p>
        )}
        <div className="grid w-full grid-cols-2 gap-4">
          <p className="rounded-2xl bg-white px-4 py-5 text-3xl font-semibold text-zinc-900 ring-1 ring-zinc-200">
            {ahead}
          </p>
          <p className="rounded-2xl bg-white px-4 py-5 text-3xl font-semibold text-zinc-900 ring-1 ring-zinc-200">
            {eta}
          </p>
        </div>
        <div className="flex items-center gap-6 rounded-2xl bg-white p-6 text-left ring-1 ring-zinc-200">
          <div
            role="img"
            aria-label={t("kiosk.ticket.qr")}
            className="size-64 shrink-0 [&_svg]:size-full"
            // The library's own SVG markup of the tracking link.
            dangerouslySetInnerHTML={{ __html: qrSvg ?? "" }}
          />
          <p className="max-w-md text-3xl text-zinc-800">{t("kiosk.ticket.scan")}</p>
        </div>
        <div className="grid w-full grid-cols-2 gap-4">
          <button
            type="button"
            onClick={() => window.print()}
            className={SECONDARY}
            data-testid="kiosk-print"
          >
            {t("kiosk.ticket.print")}
          </button>
          <button type="button" onClick={onDone} className={PRIMARY}>
            {t("kiosk.ticket.done")}
          </button>
        </div>
        <p className="text-2xl text-zinc-700" aria-live="off">
          {t("kiosk.ticket.backIn", { seconds: left })}
        </p>
      </section>
      {/* Outside the screen's tree, which hides itself when printing. */}
      {createPortal(
        <KioskReceipt
          ticket={ticket}
          companyName={companyName}
          branchName={branchName}
          serviceName={serviceName}
          timeZone={timeZone}
          qrSvg={qrSvg}
          waitText={eta}
          languages={languages}
        />,
        document.body,
      )}
    </>
  );
}
