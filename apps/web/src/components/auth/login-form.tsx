import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../lib/api/api-error";
import { useErrorMessage } from "../../lib/errors";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, describedBy } from "../ui/field";
import { Input } from "../ui/input";

type Props = {
  onLogin: (email: string, password: string) => Promise<unknown>;
  notice?: string | null;
};

/** E-mail + password form shared by every realm's login page. */
export function LoginForm({ onLogin, notice }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = {
      email: email.trim() ? undefined : t("common.required"),
      password: password ? undefined : t("common.required"),
    };
    setMissing(next);
    if (next.email || next.password) return;
    setError(null);
    setPending(true);
    try {
      await onLogin(email.trim(), password);
    } catch (err) {
      setError(err);
      setPassword("");
    } finally {
      setPending(false);
    }
  };

  const locked = isApiError(error) && error.code === "ACCOUNT_LOCKED";

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {notice && !error && <Alert tone="info">{notice}</Alert>}
      {error !== null && (
        <Alert
          tone="error"
          title={locked ? t("auth.lockedTitle") : undefined}
          data-testid="login-error"
        >
          {errorMessage(error)}
        </Alert>
      )}
      <Field id="login-email" label={t("auth.email")} error={missing.email}>
        <Input
          id="login-email"
          type="email"
          autoComplete="username"
          value={email}
          invalid={Boolean(missing.email)}
          onChange={(e) => setEmail(e.target.value)}
          aria-describedby={describedBy("login-email", { error: missing.email })}
          autoFocus
        />
      </Field>
      <Field id="login-password" label={t("auth.password")} error={missing.password}>
        <Input
          id="login-password"
          type="password"
          autoComplete="current-password"
          value={password}
          invalid={Boolean(missing.password)}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={describedBy("login-password", { error: missing.password })}
        />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        {pending ? t("auth.submitting") : t("auth.submit")}
      </Button>
    </form>
  );
}
