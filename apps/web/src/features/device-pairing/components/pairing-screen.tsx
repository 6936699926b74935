import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Logo } from "../../../components/ui/logo";
import { Spinner } from "../../../components/ui/spinner";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import { LANGUAGES, setLanguage } from "../../../lib/i18n";
import { cn } from "../../../lib/cn";
import { getPublicCompany, type DeviceKind, type DeviceView } from "../api/pairing.api";
import { useDeviceRequest } from "../../../lib/device/use-device-request";
import { usePairing } from "../hooks/use-pairing";
import { CodeKeypad } from "./code-keypad";

type Props = {
  slug: string;
  branchSlug: string;
  kind: DeviceKind;
  /** The screen was paired before and the server no longer accepts its token. */
  wasUnpaired: boolean;
  onPaired: (token: string, device: DeviceView) => void;
};

const PAIRING_CODES = [
  "PAIRING_CODE_INVALID",
  "PAIRING_CODE_EXPIRED",
  "PAIRING_CODE_LOCKED",
] as const;

/** Full-screen, touch-first entry of the 6-digit code shown in the admin panel. */
export function PairingScreen({ slug, branchSlug, kind, wasUnpaired, onPaired }: Props) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const company = useDeviceRequest(slug, () => getPublicCompany(slug), {
    retry: (failures) => failures <= 1,
  });
  const [code, setCode] = useState("");
  const pair = usePairing(
    slug,
    (answer) => onPaired(answer.deviceToken, answer.device),
    () => setCode(""),
  );
  const complete = code.length === 6;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (complete && !pair.isPending) pair.mutate(code);
  };
  const type = (value: string) => {
    setCode(value.replace(/\D/g, "").slice(0, 6));
    if (pair.isError) pair.reset();
  };

  const error = pair.error;
  const message = !error
    ? null
    : isApiError(error) && PAIRING_CODES.some((c) => c === error.code)
      ? t(`setup.errors.${error.code as (typeof PAIRING_CODES)[number]}`)
      : isApiError(error) && error.code === "VALIDATION_FAILED"
        ? t("setup.pairing.sixDigits")
        : isApiError(error) && error.code === "RATE_LIMITED"
          ? t("setup.pairing.tooManyWrong", {
              minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)),
            })
          : errorMessage(error);

  return (
    <div className="flex min-h-dvh flex-col bg-zinc-100" data-testid="pairing-screen">
      <header className="flex items-center justify-between gap-4 bg-white px-6 py-4 shadow-sm">
        <div className="flex min-w-0 items-center gap-3">
          {company.data && <Logo url={company.data.logoUrl} name={company.data.name} size="md" />}
          <span className="truncate text-xl font-semibold text-zinc-900">
            {company.data?.name ?? slug}
          </span>
        </div>
        <div className="flex gap-2" role="group" aria-label={t("common.language")}>
          {LANGUAGES.map((lang) => (
            <button
              key={lang}
              type="button"
              onClick={() => setLanguage(lang)}
              aria-pressed={i18n.language === lang}
              className={cn(
                "h-12 min-w-16 rounded-lg px-3 text-base font-medium",
                i18n.language === lang ? "bg-indigo-600 text-white" : "bg-zinc-100 text-zinc-700",
              )}
            >
              {t(`languages.${lang}`)}
            </button>
          ))}
        </div>
      </header>
      <main className="flex flex-1 items-center justify-center p-6">
        <div className="grid w-full max-w-4xl items-center gap-10 md:grid-cols-2">
          <form onSubmit={submit} className="space-y-5">
            <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">
              {t(`setup.pairing.kind.${kind}`)} · /{branchSlug}
            </p>
            <h1 className="text-3xl font-bold text-zinc-900">{t(`setup.pairing.title.${kind}`)}</h1>
            {wasUnpaired && (
              <p
                className="rounded-lg bg-amber-50 px-4 py-3 text-base text-amber-900"
                role="status"
              >
                {t("setup.pairing.unpaired")}
              </p>
            )}
            <p className="text-lg text-zinc-600">{t("setup.pairing.instructions")}</p>
            <label htmlFor="pairing-code" className="block text-base font-medium text-zinc-800">
              {t("setup.pairing.codeLabel")}
            </label>
            <input
              id="pairing-code"
              value={code.length > 3 ? `${code.slice(0, 3)} ${code.slice(3)}` : code}
              onChange={(e) => type(e.target.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              placeholder="000 000"
              aria-invalid={Boolean(message) || undefined}
              aria-describedby={message ? "pairing-error" : undefined}
              className={cn(
                "h-20 w-full rounded-xl border-2 bg-white text-center font-mono text-5xl font-bold tracking-[0.25em] text-zinc-900",
                "placeholder:text-zinc-300 focus:outline-4 focus:outline-indigo-200",
                message ? "border-red-500" : "border-zinc-300 focus:border-indigo-600",
              )}
            />
            {message && (
              <p id="pairing-error" role="alert" className="text-lg font-medium text-red-700">
                {message}
              </p>
            )}
            <button
              type="submit"
              disabled={!complete || pair.isPending}
              className="flex h-16 w-full items-center justify-center gap-3 rounded-xl bg-indigo-600 text-xl font-semibold text-white shadow-sm disabled:opacity-40"
            >
              {pair.isPending && <Spinner />}
              {t("setup.pairing.submit")}
            </button>
          </form>
          <CodeKeypad
            onDigit={(d) => type(code + d)}
            onBack={() => type(code.slice(0, -1))}
            onClear={() => type("")}
            disabled={pair.isPending}
          />
        </div>
      </main>
    </div>
  );
}
