import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Field, describedBy } from "../../../components/ui/field";
import { PhoneInput, toE164 } from "../../../components/phone-input";
import { Input } from "../../../components/ui/input";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";
import type { Booking, BookingSlot } from "../api/booking.api";
import { useCreateBooking } from "../hooks/use-booking";

type BookingContactFormProps = {
  slug: string;
  branchId: string;
  serviceId: string;
  slot: BookingSlot;
  onBooked: (booking: Booking) => void;
};

/** Phone (and an optional name and e-mail) → the booking. The +998 prefix is shown; the server normalises. */
export function BookingContactForm(props: BookingContactFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateBooking(props.slug);
  const [phone, setPhone] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const emailError =
    isApiError(create.error) && create.error.details.some((d) => d.path === "email")
      ? t("booking.emailInvalid")
      : null;
  const phoneError =
    isApiError(create.error) && create.error.details.some((d) => d.path === "phone")
      ? t("portal.phoneInvalid")
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        branchId: props.branchId,
        serviceId: props.serviceId,
        startsAt: props.slot.startsAt,
        phone: toE164(phone),
        name: name.trim() || null,
        email: email.trim() || null,
      },
      { onSuccess: (res) => props.onBooked(res.booking) },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <p className="text-sm text-zinc-600">{t("booking.contactIntro")}</p>
      <Field
        id="booking-phone"
        label={t("portal.phone")}
        hint={t("portal.phoneHint")}
        error={phoneError}
        required
      >
        <PhoneInput
          id="booking-phone"
          value={phone}
          onChange={setPhone}
          invalid={Boolean(phoneError)}
          describedBy={describedBy("booking-phone", { hint: true, error: phoneError })}
        />
      </Field>
      <Field id="booking-name" label={t("portal.name")}>
        <Input
          id="booking-name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="h-12 text-base"
          maxLength={100}
        />
      </Field>
      <Field
        id="booking-email"
        label={t("booking.email")}
        hint={t("booking.emailHint")}
        error={emailError}
      >
        <Input
          id="booking-email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          invalid={Boolean(emailError)}
          className="h-12 text-base"
          maxLength={254}
        />
      </Field>
      {create.isError && !phoneError && !emailError && (
        <Alert tone="error">{errorMessage(create.error)}</Alert>
      )}
      <Button type="submit" loading={create.isPending} className="h-12 w-full text-base">
        {create.isPending ? t("booking.submitting") : t("booking.submit")}
      </Button>
    </form>
  );
}
