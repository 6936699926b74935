import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { SERVER_EVENT } from "@equeue/contracts";
import { Logo } from "../../../components/ui/logo";
import { isApiError } from "../../../lib/api/api-error";
import { brandStyle } from "../../../lib/brand-colors";
import { companyBase } from "../../../lib/company-host";
import { useErrorMessage } from "../../../lib/errors";
import { currentLanguage, preloadLanguages, setLanguage, type Language } from "../../../lib/i18n";
import { useLocalized, type LocalizedText } from "../../../lib/localized";
import { keptAnswer } from "../../../lib/device/kept-answer";
import { useDeviceRequest } from "../../../lib/device/use-device-request";
import { deviceRealtimeAuth } from "../../../lib/realtime/realtime-contract";
import { useRealtime } from "../../../lib/realtime/use-realtime";
import {
  getKioskSnapshot,
  issueKioskTicket,
  type KioskService,
  type KioskSnapshot,
  type KioskTicket,
} from "../api/kiosk.api";
import { useBrowserOnline, useIdleReset } from "../hooks/use-idle-reset";
import { useOfflineTickets } from "../hooks/use-offline-tickets";
import { isUnreachable } from "../offline/offline-tickets";
import { KioskCheckInScreen } from "./kiosk-check-in";
import { KioskDetailsForm, type KioskDetails } from "./kiosk-details";
import { KioskServices } from "./kiosk-services";
import { PRIMARY, SECONDARY } from "./kiosk-styles";
import { KioskTicketScreen } from "./kiosk-ticket";

type Step =
  | { name: "welcome" }
  | { name: "services" }
  | { name: "checkIn" }
  | { name: "details"; service: KioskService }
  | { name: "ticket"; ticket: KioskTicket };

const isUnpaired = (error: unknown) => isApiError(error) && error.status === 401;

export type KioskScreenProps = {
  slug: string;
  token: string;
  /** What the pairing gate already knows, shown until the first snapshot arrives. */
  branding: { companyName: string; logoUrl: string | null; primaryColor: string | null };
  branchName: LocalizedText;
  onUnpaired: () => void;
};

/**
 * The virtual kiosk: welcome and language, a service, optionally a name and phone, then the
 * ticket (printed). Every step but the first goes back to the start when left alone, the
 * ticket after a short while; nothing about the customer is kept beyond their own screen.
 */
export function KioskScreen({ slug, token, branding, branchName, onUnpaired }: KioskScreenProps) {
  const { t } = useTranslation();
  const local = useLocalized();
  const errorMessage = useErrorMessage();
  const online = useBrowserOnline();
  const [step, setStep] = useState<Step>({ name: "welcome" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The last snapshot is kept (branding, services, settings): a kiosk restarted offline works.
  const kept = keptAnswer<KioskSnapshot>(`eq.kiosk.${slug}.${token.slice(-12)}`);
  const snapshot = useDeviceRequest(
    `kiosk:${slug}:${token}`,
    async (signal) => {
      try {
        return await getKioskSnapshot(slug, token, signal);
      } catch (e) {
        if (isUnpaired(e)) {
          kept.forget();
          onUnpaired();
        }
        throw e;
      }
    },
    {
      kept,
      refreshEvery: 20_000,
      refreshOnShowAfter: 5_000,
      retry: (failures, e) => !isUnpaired(e) && failures <= 2,
    },
  );
  const data = snapshot.data;
  const unpaired = () => {
    kept.forget();
    onUnpaired();
  };
  // The server tells the kiosk when its settings change or it is revoked, so both take effect
  // within a second or two; the snapshot is read again on every reconnect (a change may have
  // been missed meanwhile) and every 20 s for the lines' numbers.
  const connected = useRef(false);
  useRealtime({
    enabled: true,
    key: `kiosk:${slug}:${token}`,
    auth: () => deviceRealtimeAuth(slug, token),
    onRefused: (code) => {
      if (code === "UNAUTHENTICATED") unpaired();
    },
    handlers: {
      [SERVER_EVENT.SNAPSHOT]: () => {
        if (connected.current) snapshot.refetch();
        connected.current = true;
      },
      [SERVER_EVENT.DEVICE_SETTINGS]: () => snapshot.refetch(),
      [SERVER_EVENT.DEVICE_REVOKED]: unpaired,
    },
  });
  // Back online: ask at once rather than at the next refresh, so the banner goes quickly.
  const wasOnline = useRef(online);
  const { refetch } = snapshot;
  useEffect(() => {
    if (online && !wasOnline.current) refetch();
    wasOnline.current = online;
  }, [online, refetch]);
  const languages: Language[] = data?.settings.languages.length
    ? data.settings.languages
    : ["uz", "ru", "en"];
  const home = languages[0] ?? "uz";
  const offline = !online || snapshot.isError;
  const timeZone = data?.branch.timeZone ?? "Asia/Tashkent";
  // While the server is away, a service can still be chosen if a reserved number is left for it.
  const spare = useOfflineTickets(
    slug,
    token,
    data ? timeZone : null,
    offline,
    data?.settings.offlineIssuing === true,
  );
  const canIssueOffline = (serviceId: string) =>
    spare.tickets?.canIssue(serviceId, timeZone) ?? false;
  const services: KioskService[] = (data?.services ?? []).map((s) =>
    offline && s.open && !canIssueOffline(s.id)
      ? { ...s, open: false, closedReason: "OFFLINE" }
      : s,
  );
  const issuingOffline = offline && services.some((s) => s.open);

  const reset = useCallback(() => {
    setStep({ name: "welcome" });
    setBusy(false);
    setError(null);
    // The next person starts in the kiosk's first language; the choice is never stored.
    if (currentLanguage() !== home) setLanguage(home, false);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  }, [home]);

  // The kiosk's own language on start, whatever this browser chose before; the others ready for
  // the receipt's closing line, printed in each of them.
  useEffect(() => {
    if (data) preloadLanguages(languages);
    if (data && currentLanguage() !== home) setLanguage(home, false);
    // Only when the kiosk's languages arrive or change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [home, languages.join(","), data !== undefined]);

  const idleSeconds = data?.settings.idleResetSeconds ?? 300;
  useIdleReset(step.name !== "welcome" && step.name !== "ticket", idleSeconds, reset);

  const issue = async (service: KioskService, details: KioskDetails) => {
    setBusy(true);
    setError(null);
    const fromBlock = () =>
      spare.tickets!.issue(
        service,
        { ...details, language: currentLanguage() },
        {
          timeZone,
          branchName: data?.branch.name ?? branchName,
        },
      );
    try {
      let ticket: KioskTicket;
      if (offline && canIssueOffline(service.id)) ticket = await fromBlock();
      else {
        try {
          // The screen's language goes with it: the customer's SMS speak it.
          ({ ticket } = await issueKioskTicket(slug, token, {
            serviceId: service.id,
            ...details,
            language: currentLanguage(),
          }));
          snapshot.refetch();
        } catch (e) {
          // The server went away just now: the reserved numbers are for exactly this.
          if (!isUnreachable(e) || !canIssueOffline(service.id)) throw e;
          ticket = await fromBlock();
        }
      }
      setStep({ name: "ticket", ticket });
    } catch (e) {
      if (isUnpaired(e)) onUnpaired();
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const company = data?.company ?? {
    name: branding.companyName,
    logoUrl: branding.logoUrl,
    primaryColor: branding.primaryColor,
  };
  const branch = local(data?.branch.name ?? branchName);

  return (
    <div
      style={brandStyle(company.primaryColor)}
      className="kiosk-screen flex min-h-dvh flex-col bg-zinc-100 select-none"
    >
      <header className="flex items-center gap-6 bg-indigo-700 px-10 py-8 text-white">
        <Logo url={company.logoUrl} name={company.name} size="lg" />
        <div className="min-w-0 flex-1">
          <p className="truncate text-4xl font-bold">{company.name}</p>
          <p className="mt-1 truncate text-2xl">{branch}</p>
        </div>
        {step.name !== "welcome" && step.name !== "ticket" && (
          <LanguageButtons languages={languages} compact />
        )}
      </header>
      {offline && (
        <p
          role="alert"
          data-testid="kiosk-offline"
          className="bg-amber-300 px-8 py-4 text-center text-2xl font-semibold text-amber-950"
        >
          {issuingOffline ? t("kiosk.offlineIssuing") : t("kiosk.offline")}
        </p>
      )}
      <main className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-8 px-10 py-12 landscape:max-w-7xl">
        {step.name === "welcome" && (
          <section
            aria-labelledby="kiosk-welcome"
            className="flex flex-1 flex-col items-center justify-center gap-14 text-center"
          >
            <h1 id="kiosk-welcome" className="text-7xl font-extrabold text-zinc-950">
              {t("kiosk.welcome")}
            </h1>
            {languages.length > 1 && (
              <div className="flex flex-col items-center gap-4">
                <p className="text-4xl text-zinc-800">{t("kiosk.chooseLanguage")}</p>
                <LanguageButtons languages={languages} />
              </div>
            )}
            <button
              type="button"
              disabled={!data || (offline && !issuingOffline)}
              onClick={() => setStep({ name: "services" })}
              data-testid="kiosk-start"
              className={`${PRIMARY} min-h-40 w-full max-w-2xl text-5xl`}
            >
              {t("kiosk.start")}
            </button>
            <button
              type="button"
              disabled={!data || offline}
              onClick={() => setStep({ name: "checkIn" })}
              data-testid="kiosk-have-booking"
              className={`${SECONDARY} min-h-28 w-full max-w-2xl text-4xl`}
            >
              {t("kiosk.checkIn.open")}
            </button>
          </section>
        )}
        {step.name === "services" && (
          <section aria-labelledby="kiosk-choose" className="flex flex-col gap-6">
            <h1 id="kiosk-choose" className="text-6xl font-bold text-zinc-950">
              {t("kiosk.chooseService")}
            </h1>
            {error && (
              <p role="alert" className="rounded-xl bg-red-50 px-6 py-4 text-2xl text-red-900">
                {error}
              </p>
            )}
            <KioskServices
              services={services}
              disabled={busy}
              onChoose={(service) => {
                setError(null);
                setStep({ name: "details", service });
              }}
            />
            <button type="button" onClick={reset} className={`${SECONDARY} self-start px-10`}>
              {t("kiosk.back")}
            </button>
          </section>
        )}
        {step.name === "checkIn" && (
          <KioskCheckInScreen slug={slug} token={token} timeZone={timeZone} onDone={reset} />
        )}
        {step.name === "details" && (
          <KioskDetailsForm
            service={step.service}
            busy={busy}
            error={error}
            onBack={() => {
              setError(null);
              setStep({ name: "services" });
            }}
            onSubmit={(details) => void issue(step.service, details)}
          />
        )}
        {step.name === "ticket" && (
          <KioskTicketScreen
            ticket={step.ticket}
            trackUrl={`${window.location.origin}${companyBase(slug)}${step.ticket.trackPath}`}
            companyName={company.name}
            branchName={local(step.ticket.branchName) || branch}
            timeZone={timeZone}
            autoPrint={data?.settings.autoPrint ?? false}
            languages={languages}
            onDone={reset}
          />
        )}
      </main>
    </div>
  );
}

/** The kiosk's languages as buttons in their own names (never stored on the device). */
function LanguageButtons({ languages, compact }: { languages: Language[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  if (languages.length < 2) return null;
  return (
    <div className="flex gap-3" role="group" aria-label={t("kiosk.chooseLanguage")}>
      {languages.map((lang) => {
        const active = i18n.language === lang;
        return (
          <button
            key={lang}
            type="button"
            lang={lang}
            aria-pressed={active}
            onClick={() => setLanguage(lang, false)}
            className={
              compact
                ? `min-h-16 rounded-xl px-5 text-xl font-semibold ring-2 ${active ? "bg-white text-indigo-800 ring-white" : "bg-indigo-800 text-white ring-white/60"}`
                : `min-h-24 min-w-56 rounded-2xl px-8 text-3xl font-semibold ring-2 ${active ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-zinc-900 ring-zinc-300"}`
            }
          >
            {t(`languages.${lang}`)}
          </button>
        );
      })}
    </div>
  );
}
