import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { TicketQr, trackingUrl } from "../../../components/ticket-qr";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { Field } from "../../../components/ui/field";
import { Input } from "../../../components/ui/input";
import { Select } from "../../../components/ui/select";
import { useLocalized } from "../../../lib/localized";
import { useFocusOnOpen } from "../hooks/use-focus-on-open";
import type { QueueTicket, ServiceOption, WalkInInput } from "../api/operator.types";
import { printTicketSlip } from "./print-ticket";

type Props = {
  open: boolean;
  services: ServiceOption[];
  pending: boolean;
  error: string | null;
  issued: QueueTicket | null;
  onIssue: (input: WalkInInput) => void;
  onAnother: () => void;
  onClose: () => void;
};

/** Reception: a ticket for a customer standing at the desk, for any service of the branch. */
export function WalkInDialog(props: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const id = useId();
  const [serviceId, setServiceId] = useState("");
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  useFocusOnOpen(props.open && !props.issued, `${id}-service`);
  const chosen = serviceId || (props.services.length === 1 ? (props.services[0]?.id ?? "") : "");

  const reset = () => {
    setName("");
    setPhone("");
  };

  const issued = props.issued;
  const footer = issued ? (
    <>
      <Button
        variant="secondary"
        data-testid="walk-in-print"
        onClick={() =>
          void printTicketSlip({
            label: issued.label,
            service: localized(issued.serviceName),
            url: trackingUrl(issued.trackingToken),
            hint: t("queue.walkIn.qrHint"),
          })
        }
      >
        {t("queue.walkIn.print")}
      </Button>
      <Button
        variant="secondary"
        onClick={() => {
          reset();
          props.onAnother();
        }}
      >
        {t("queue.walkIn.another")}
      </Button>
      <Button onClick={props.onClose} autoFocus>
        {t("common.close")}
      </Button>
    </>
  ) : (
    <>
      <Button variant="secondary" onClick={props.onClose} disabled={props.pending}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" form={`${id}-form`} loading={props.pending} disabled={!chosen}>
        {t("queue.walkIn.submit")}
      </Button>
    </>
  );

  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={t("queue.walkIn.title")}
      footer={footer}
    >
      {props.issued ? (
        <div className="py-4 text-center" data-testid="walk-in-issued">
          <p className="text-sm text-zinc-600">{t("queue.walkIn.issued")}</p>
          <p className="mt-1 text-6xl font-black text-zinc-900 tabular-nums">
            {props.issued.label}
          </p>
          <p className="mt-2 text-base text-zinc-700">{localized(props.issued.serviceName)}</p>
          <div className="mt-4">
            <TicketQr
              url={trackingUrl(props.issued.trackingToken)}
              size={160}
              label={t("queue.walkIn.qrHint")}
            />
          </div>
          <p className="mt-2 text-sm text-zinc-600">{t("queue.walkIn.qrHint")}</p>
        </div>
      ) : (
        <form
          id={`${id}-form`}
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) return;
            props.onIssue({
              serviceId: chosen,
              ...(name.trim() && { customerName: name.trim() }),
              ...(phone.trim() && { customerPhone: phone.trim() }),
            });
          }}
        >
          <Field id={`${id}-service`} label={t("queue.walkIn.service")} required>
            <Select
              id={`${id}-service`}
              value={chosen}
              onChange={(event) => setServiceId(event.target.value)}
            >
              <option value="">{t("queue.transfer.choose")}</option>
              {props.services.map((service) => (
                <option key={service.id} value={service.id}>
                  {localized(service.name)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-name`} label={t("queue.walkIn.name")}>
            <Input
              id={`${id}-name`}
              value={name}
              maxLength={120}
              autoComplete="off"
              onChange={(event) => setName(event.target.value)}
            />
          </Field>
          <Field
            id={`${id}-phone`}
            label={t("queue.walkIn.phone")}
            hint={t("queue.walkIn.phoneHint")}
          >
            <Input
              id={`${id}-phone`}
              type="tel"
              value={phone}
              maxLength={20}
              autoComplete="off"
              placeholder="+998 90 123 45 67"
              onChange={(event) => setPhone(event.target.value)}
            />
          </Field>
          {props.error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
              {props.error}
            </p>
          )}
        </form>
      )}
    </Dialog>
  );
}
