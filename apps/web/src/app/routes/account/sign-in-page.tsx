import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Field, describedBy } from "../../../components/ui/field";
import { Input } from "../../../components/ui/input";
import { PortalShell } from "../../../features/portal/components/portal-shell";
import { PhoneInput, toE164 } from "../../../components/phone-input";
import { isApiError } from "../../../lib/api/api-error";
import {
  customerSession,
  requestSignInCode,
  verifySignInCode,
} from "../../../lib/auth/customer-session";
import { useSessionState } from "../../../lib/auth/sessions";
import { useErrorMessage } from "../../../lib/errors";

/** Seconds left until `until` (epoch ms), re-rendering once a second while any are left. */
function useCountdown(until: number): number {
  const [, tick] = useState(0);
  const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setInterval(() => tick((n) => n + 1), 1000);
    return () => window.clearInterval(timer);
  }, [left > 0]); // eslint-disable-line react-hooks/exhaustive-deps
  return left;
}

/** Only paths of this site after signing in (never another site's address). */
const safeNext = (next: string | null) =>
  next && next.startsWith("/") && !next.startsWith("//") ? next : "/me";

/** `/sign-in`: a phone number, then the 6-digit code from the SMS. */
export function SignInPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionState(customerSession);
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState<{ to: string; resendAt: number } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const resendIn = useCountdown(sent?.resendAt ?? 0);
  const next = safeNext(params.get("next"));

  useEffect(() => {
    void customerSession.ensure();
  }, []);
  if (session.status === "authenticated") return <Navigate to={next} replace />;

  const fieldError = (path: string) =>
    isApiError(error) && error.details.some((d) => d.path === path);
  const phoneError = fieldError("phone") ? t("account.phoneInvalid") : null;
  const codeError =
    fieldError("code") || (isApiError(error) && error.code === "SIGN_IN_CODE_INVALID")
      ? isApiError(error) && error.code === "SIGN_IN_CODE_INVALID"
        ? errorMessage(error)
        : t("account.codeInvalid")
      : null;
  const otherError = error && !phoneError && !codeError ? errorMessage(error) : null;

  const run = async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  const sendCode = () =>
    run(async () => {
      const answer = await requestSignInCode(toE164(phone));
      setSent({ to: answer.phone, resendAt: Date.now() + answer.resendInSeconds * 1000 });
      setCode("");
    });
  const submitPhone = (e: FormEvent) => {
    e.preventDefault();
    void sendCode();
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await verifySignInCode(toE164(phone), code.trim());
      navigate(next, { replace: true });
    });
  };

  return (
    <PortalShell>
      <div className="mx-auto max-w-md rounded-2xl bg-white p-5 shadow-sm">
        <h1 className="text-xl font-bold text-zinc-900">{t("account.signInTitle")}</h1>
        <p className="mt-2 text-sm text-zinc-600">{t("account.signInIntro")}</p>
        {!sent ? (
          <form onSubmit={submitPhone} className="mt-5 space-y-4" noValidate>
            <Field
              id="sign-in-phone"
              label={t("account.phone")}
              hint={t("account.phoneHint")}
              error={phoneError}
              required
            >
              <PhoneInput
                id="sign-in-phone"
                value={phone}
                onChange={setPhone}
                invalid={Boolean(phoneError)}
                describedBy={describedBy("sign-in-phone", { hint: true, error: phoneError })}
                autoFocus
              />
            </Field>
            {otherError && <Alert tone="error">{otherError}</Alert>}
            <Button type="submit" loading={pending} className="h-12 w-full text-base">
              {t("account.sendCode")}
            </Button>
          </form>
        ) : (
          <form onSubmit={submitCode} className="mt-5 space-y-4" noValidate>
            <p
              className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
              role="status"
            >
              {t("account.codeSentTo", { phone: `+998 ${phone}` })}
            </p>
            <Field id="sign-in-code" label={t("account.code")} error={codeError} required>
              <Input
                id="sign-in-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\d{6}"
                maxLength={6}
                required
                autoFocus
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
                invalid={Boolean(codeError)}
                aria-describedby={describedBy("sign-in-code", { error: codeError })}
                className="h-12 text-center text-2xl tracking-[0.5em] tabular-nums"
              />
            </Field>
            {otherError && <Alert tone="error">{otherError}</Alert>}
            <Button
              type="submit"
              loading={pending}
              disabled={code.length !== 6}
              className="h-12 w-full text-base"
            >
              {t("account.verify")}
            </Button>
            <div className="flex items-center justify-between gap-3 text-sm">
              <button
                type="button"
                className="text-zinc-600 underline"
                onClick={() => {
                  setSent(null);
                  setError(null);
                }}
              >
                {t("account.changePhone")}
              </button>
              {resendIn > 0 ? (
                <span className="text-zinc-500 tabular-nums" data-testid="resend-timer">
                  {t("account.resendIn", { seconds: resendIn })}
                </span>
              ) : (
                <button
                  type="button"
                  className="font-medium text-zinc-900 underline"
                  onClick={() => void sendCode()}
                  disabled={pending}
                >
                  {t("account.resend")}
                </button>
              )}
            </div>
          </form>
        )}
      </div>
    </PortalShell>
  );
}
