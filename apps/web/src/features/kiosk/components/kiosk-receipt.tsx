import { useTranslation } from "react-i18next";
import { localeOf, currentLanguage, type Language } from "../../../lib/i18n";
import type { KioskTicket } from "../api/kiosk.api";
import "./kiosk-receipt.css";

/**
 * Receipt printers' code pages have no ʻ or ʼ (GLOSSARY.md): the printed text uses an ASCII
 * apostrophe; the stored and shown text keeps the letters.
 */
export const forReceipt = (text: string) => text.replace(/[ʻʼ‘’]/g, "'");

/** Date and time of issue in the branch's time zone, in the screen's language. */
export function issuedAt(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(localeOf(currentLanguage()), {
      timeZone,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }).format(new Date(iso));
  } catch {
    return new Date(iso).toISOString().slice(0, 16).replace("T", " ");
  }
}

/**
 * The 80 mm thermal receipt: shown only when printing (the screen hides itself then). Company,
 * branch, the big number, service, time of issue in branch time, people ahead, the QR code of
 * the tracking link and one short line.
 */
export function KioskReceipt({
  ticket,
  companyName,
  branchName,
  serviceName,
  timeZone,
  qrSvg,
  waitText,
  languages,
}: {
  ticket: KioskTicket;
  companyName: string;
  branchName: string;
  serviceName: string;
  timeZone: string;
  qrSvg: string | null;
  waitText: string;
  languages: readonly Language[];
}) {
  const { t } = useTranslation();
  // The closing line in each of the kiosk's languages (one line when they read the same).
  const footer = [...new Set(languages.map((lng) => t("kiosk.receipt.footer", { lng })))];
  const ahead =
    ticket.peopleAhead > 0
      ? t("kiosk.ticket.ahead", { count: ticket.peopleAhead })
      : t("kiosk.ticket.aheadNone");
  return (
    <div className="kiosk-receipt" aria-hidden="true">
      <p className="kiosk-receipt-company">{forReceipt(companyName)}</p>
      <p>{forReceipt(branchName)}</p>
      <p className="kiosk-receipt-number">{ticket.label}</p>
      <p className="kiosk-receipt-service">{forReceipt(serviceName)}</p>
      <p>
        {forReceipt(t("kiosk.receipt.issued"))}: {issuedAt(ticket.issuedAt, timeZone)}
      </p>
      <p>{forReceipt(ahead)}</p>
      <p>{forReceipt(waitText)}</p>
      {ticket.offline && <p>{forReceipt(t("kiosk.ticket.offlineNote"))}</p>}
      {qrSvg && (
        // The library's own SVG markup of the tracking link (no user input reaches it raw).
        <div className="kiosk-receipt-qr" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      )}
      {footer.map((line) => (
        <p key={line} className="kiosk-receipt-footer">
          {forReceipt(line)}
        </p>
      ))}
    </div>
  );
}
