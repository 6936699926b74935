import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Field, describedBy } from "../../../components/ui/field";
import { Input } from "../../../components/ui/input";
import { fieldErrors, isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import { focusFirstInvalid } from "../../../lib/focus-invalid";
import { changePassword } from "../api/company-auth.api";

type Key = "currentPassword" | "newPassword" | "confirm";
const MIN = 10;

/** Replaces the one-time password; on success the session carries a fresh token. */
export function ChangePasswordForm({ slug, onDone }: { slug: string; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState<Record<Key, string>>({
    currentPassword: "",
    newPassword: "",
    confirm: "",
  });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const validate = (): Partial<Record<Key, string>> => {
    const next: Partial<Record<Key, string>> = {};
    if (!values.currentPassword) next.currentPassword = t("common.required");
    if (values.newPassword.length < MIN) next.newPassword = t("password.tooShort");
    else if (!/\p{L}/u.test(values.newPassword) || !/\p{Nd}/u.test(values.newPassword))
      next.newPassword = t("password.lettersAndDigits");
    else if (values.newPassword === values.currentPassword)
      next.newPassword = t("password.sameAsCurrent");
    if (values.confirm !== values.newPassword) next.confirm = t("password.mismatch");
    return next;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const next = validate();
    setErrors(next);
    if (Object.keys(next).length) return focusFirstInvalid(formRef.current);
    setPending(true);
    try {
      await changePassword(slug, {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      onDone();
    } catch (error) {
      const byField = fieldErrors(error);
      const mapped: Partial<Record<Key, string>> = {};
      if (byField.currentPassword) mapped.currentPassword = byField.currentPassword;
      if (byField.newPassword) mapped.newPassword = byField.newPassword;
      if (isApiError(error) && (error.code === "SAME_PASSWORD" || error.code === "WEAK_PASSWORD")) {
        mapped.newPassword = errorMessage(error);
      }
      if (isApiError(error) && error.code === "INVALID_CREDENTIALS") {
        mapped.currentPassword = errorMessage(error);
      }
      setErrors(mapped);
      focusFirstInvalid(formRef.current);
      if (Object.keys(mapped).length === 0) setFormError(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  const input = (key: Key, label: string, autoComplete: string, hint?: string) => (
    <Field id={`pw-${key}`} label={label} error={errors[key]} hint={hint}>
      <Input
        id={`pw-${key}`}
        type="password"
        autoComplete={autoComplete}
        value={values[key]}
        invalid={Boolean(errors[key])}
        onChange={(e) => {
          setValues((old) => ({ ...old, [key]: e.target.value }));
          setErrors((old) => ({ ...old, [key]: undefined }));
        }}
        aria-describedby={describedBy(`pw-${key}`, { error: errors[key], hint })}
      />
    </Field>
  );

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      {input("currentPassword", t("password.current"), "current-password")}
      {input("newPassword", t("password.new"), "new-password", t("password.hint"))}
      {input("confirm", t("password.confirm"), "new-password")}
      <Button type="submit" loading={pending} className="w-full">
        {t("password.submit")}
      </Button>
    </form>
  );
}
