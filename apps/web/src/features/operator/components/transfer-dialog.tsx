import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { Field } from "../../../components/ui/field";
import { Input } from "../../../components/ui/input";
import { Select } from "../../../components/ui/select";
import { cn } from "../../../lib/cn";
import { useLocalized } from "../../../lib/localized";
import { useFocusOnOpen } from "../hooks/use-focus-on-open";
import type { ServiceOption } from "../api/operator.types";
import { ColleaguePicker, colleagueRefusal, type Colleague } from "./colleague-picker";

export type TransferChoice = { serviceId?: string; operatorId?: string; note?: string };

type Mode = "service" | "operator";

type Props = {
  open: boolean;
  label: string;
  currentServiceId: string | null;
  selfId: string;
  services: ServiceOption[];
  /** Everyone of the branch, whatever their state: the picker says who can take the customer. */
  operators: Colleague[];
  pending: boolean;
  error: string | null;
  onTransfer: (choice: TransferChoice) => void;
  onClose: () => void;
};

/** Sends the customer to another service or to a colleague; the customer keeps their place. */
export function TransferDialog(props: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const id = useId();
  const [mode, setMode] = useState<Mode>("service");
  const [target, setTarget] = useState("");
  // To a colleague: in the ticket's own service unless the operator picks another.
  const [via, setVia] = useState("");
  const [note, setNote] = useState("");
  useFocusOnOpen(props.open, `${id}-target`);
  const services = props.services.filter((s) => s.id !== props.currentServiceId);
  const colleagues = props.operators.filter((o) => o.id !== props.selfId);
  const viaId = via || props.currentServiceId || props.services[0]?.id || "";
  const viaService = props.services.find((s) => s.id === viaId);
  const chosen = colleagues.find((c) => c.id === target);
  const ready = mode === "service" ? !!target : !!chosen && !colleagueRefusal(chosen, viaId);

  const close = () => {
    setMode("service");
    setTarget("");
    setVia("");
    setNote("");
    props.onClose();
  };

  const submit = () => {
    if (!ready) return;
    const trimmed = note.trim() || undefined;
    if (mode === "service") return props.onTransfer({ serviceId: target, note: trimmed });
    const serviceId = viaId !== props.currentServiceId ? viaId : undefined;
    props.onTransfer({ operatorId: target, serviceId, note: trimmed });
  };

  return (
    <Dialog
      open={props.open}
      onClose={close}
      title={t("queue.transfer.title", { label: props.label })}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={props.pending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" form={`${id}-form`} loading={props.pending} disabled={!ready}>
            {t("queue.actions.transfer")}
          </Button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p>{t("queue.transfer.hint")}</p>
        <fieldset className="grid grid-cols-2 gap-2">
          <legend className="sr-only">{t("queue.transfer.to")}</legend>
          {(["service", "operator"] as const).map((value) => (
            <label
              key={value}
              className={cn(
                "cursor-pointer rounded-md border-2 px-3 py-2 text-center text-sm font-semibold has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600",
                mode === value
                  ? "border-indigo-600 bg-indigo-50 text-indigo-900"
                  : "border-zinc-200 text-zinc-700 hover:bg-zinc-50",
              )}
            >
              <input
                type="radio"
                name={`${id}-mode`}
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value);
                  setTarget("");
                }}
                className="sr-only"
              />
              {t(`queue.transfer.${value}`)}
            </label>
          ))}
        </fieldset>
        {mode === "service" ? (
          <Field id={`${id}-target`} label={t("queue.transfer.serviceLabel")}>
            <Select
              id={`${id}-target`}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
            >
              <option value="">{t("queue.transfer.choose")}</option>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {localized(service.name)}
                </option>
              ))}
            </Select>
            {services.length === 0 && (
              <p className="mt-1.5 text-sm text-zinc-500">{t("queue.transfer.noTargets")}</p>
            )}
          </Field>
        ) : (
          <>
            <Field id={`${id}-via`} label={t("queue.transfer.forService")}>
              <Select
                id={`${id}-via`}
                value={viaId}
                onChange={(event) => {
                  setVia(event.target.value);
                  const next = colleagues.find((c) => c.id === target);
                  if (next && colleagueRefusal(next, event.target.value)) setTarget("");
                }}
              >
                {props.services.map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.id === props.currentServiceId
                      ? t("queue.transfer.currentService", { name: localized(service.name) })
                      : localized(service.name)}
                  </option>
                ))}
              </Select>
            </Field>
            <ColleaguePicker
              name={`${id}-colleague`}
              colleagues={colleagues}
              serviceId={viaId}
              serviceName={viaService ? localized(viaService.name) : ""}
              value={target}
              onChange={setTarget}
            />
          </>
        )}
        <Field id={`${id}-note`} label={t("queue.transfer.note")}>
          <Input
            id={`${id}-note`}
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
        </Field>
        {props.error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
            {props.error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
