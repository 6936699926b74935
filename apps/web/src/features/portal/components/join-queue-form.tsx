import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Field, describedBy } from "../../../components/ui/field";
import { PhoneInput, toE164 } from "../../../components/phone-input";
import { Input } from "../../../components/ui/input";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import type { JoinedTicket } from "../api/portal.api";
import { useJoinQueue } from "../hooks/use-portal";

type JoinQueueFormProps = {
  slug: string;
  branchId: string;
  serviceId: string;
  onJoined: (ticket: JoinedTicket) => void;
};

/**
 * Phone (and an optional name) → a ticket. The +998 prefix is shown, so a customer types the
 * nine digits they know; the server normalises and validates whatever is typed.
 */
export function JoinQueueForm({ slug, branchId, serviceId, onJoined }: JoinQueueFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const join = useJoinQueue(slug);
  const [phone, setPhone] = useState("");
  const [name, setName] = useState("");
  // The server's field texts are English; a phone problem is said in the visitor's language.
  const phoneError =
    isApiError(join.error) && join.error.details.some((d) => d.path === "phone")
      ? t("portal.phoneInvalid")
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    join.mutate(
      {
        branchId,
        serviceId,
        phone: toE164(phone),
        name: name.trim() || null,
      },
      { onSuccess: (res) => onJoined(res.ticket) },
    );
  };
  const phoneId = `phone-${serviceId}`;
  const nameId = `name-${serviceId}`;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <p className="text-sm text-zinc-600">{t("portal.joinIntro")}</p>
      <Field
        id={phoneId}
        label={t("portal.phone")}
        hint={t("portal.phoneHint")}
        error={phoneError}
        required
      >
        <PhoneInput
          id={phoneId}
          value={phone}
          onChange={setPhone}
          invalid={Boolean(phoneError)}
          describedBy={describedBy(phoneId, { hint: true, error: phoneError })}
        />
      </Field>
      <Field id={nameId} label={t("portal.name")}>
        <Input
          id={nameId}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="h-12 text-base"
          maxLength={100}
        />
      </Field>
      {join.isError && !phoneError && <Alert tone="error">{errorMessage(join.error)}</Alert>}
      <Button type="submit" loading={join.isPending} className="h-12 w-full text-base">
        {join.isPending ? t("portal.joining") : t("portal.joinSubmit")}
      </Button>
    </form>
  );
}
