import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TicketQr, trackingUrl } from "../../../components/ticket-qr";
import { customerSession } from "../../../lib/auth/customer-session";
import { useSessionState } from "../../../lib/auth/sessions";
import { loadMessages } from "../../../lib/i18n";
import { accountMessages } from "../../../lib/i18n/bundles/account";

/** The QR part of a ticket's page, loaded after the ticket (with its texts and the QR library). */
export const ticketQrSectionReady = loadMessages(accountMessages);

export default function TicketQrSection({ token }: { token: string }) {
  const { t } = useTranslation();
  const url = trackingUrl(token);
  // Signed in already (came from "my tickets"): no need to promise a sign-in.
  const signedIn = useSessionState(customerSession).status === "authenticated";
  return (
    <section className="mt-4 rounded-2xl bg-white p-5 text-center shadow-sm">
      <h2 className="font-semibold text-zinc-900">{t("account.qrTitle")}</h2>
      <div className="mt-3">
        <TicketQr url={url} label={t("account.qrTitle")} />
      </div>
      <p className="mt-2 text-sm text-zinc-600">{t("account.qrHint")}</p>
      <p className="mt-1 text-xs break-all text-zinc-500" data-testid="ticket-short-link">
        {url}
      </p>
      <p className="mt-3 text-sm">
        <Link
          to="/me"
          className="inline-flex min-h-11 items-center font-medium text-indigo-700 underline"
        >
          {signedIn ? t("account.myTickets") : t("account.allMyTickets")}
        </Link>
      </p>
    </section>
  );
}
