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
import type { OperatorOption, ServiceOption } from "../api/operator.types";

export type TransferChoice = { serviceId?: string; operatorId?: string; note?: string };

type Props = {
  open: boolean;
  label: string;
  currentServiceId: string | null;
  selfId: string;
  services: ServiceOption[];
  operators: OperatorOption[];
  pending: boolean;
  error: string | null;
  onTransfer: (choice: TransferChoice) => void;
  onClose: () => void;
};

/** Sends the customer to another service or a named operator; the customer keeps their place. */
export function TransferDialog(props: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const id = useId();
  const [mode, setMode] = useState<"service" | "operator">("service");
  const [target, setTarget] = useState("");
  const [note, setNote] = useState("");
  useFocusOnOpen(props.open, `${id}-target`);
  const services = props.services.filter((s) => s.id !== props.currentServiceId);
  const operators = props.operators.filter((o) => o.id !== props.selfId);
  const options = mode === "service" ? services : operators;

  const close = () => {
    setTarget("");
    setNote("");
    props.onClose();
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
          <Button type="submit" form={`${id}-form`} loading={props.pending} disabled={!target}>
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
          if (!target) return;
          const trimmed = note.trim() || undefined;
          props.onTransfer(
            mode === "service"
              ? { serviceId: target, note: trimmed }
              : { operatorId: target, note: trimmed },
          );
        }}
      >
        <p>{t("queue.transfer.hint")}</p>
        {operators.length > 0 && (
          <div
            role="radiogroup"
            aria-label={t("queue.transfer.to")}
            className="grid grid-cols-2 gap-2"
          >
            {(["service", "operator"] as const).map((value) => (
              <button
                key={value}
                type="button"
                role="radio"
                aria-checked={mode === value}
                onClick={() => {
                  setMode(value);
                  setTarget("");
                }}
                className={cn(
                  "rounded-md border-2 px-3 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
                  mode === value
                    ? "border-indigo-600 bg-indigo-50 text-indigo-900"
                    : "border-zinc-200 text-zinc-700 hover:bg-zinc-50",
                )}
              >
                {t(`queue.transfer.${value}`)}
              </button>
            ))}
          </div>
        )}
        <Field id={`${id}-target`} label={t(`queue.transfer.${mode}Label`)}>
          <Select
            id={`${id}-target`}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          >
            <option value="">{t("queue.transfer.choose")}</option>
            {mode === "service"
              ? services.map((service) => (
                  <option key={service.id} value={service.id}>
                    {localized(service.name)}
                  </option>
                ))
              : operators.map((operator) => (
                  <option key={operator.id} value={operator.id}>
                    {operator.counterNumber !== null
                      ? `${operator.name} — ${t("queue.counterName", { number: operator.counterNumber })}`
                      : operator.name}
                  </option>
                ))}
          </Select>
        </Field>
        {options.length === 0 && (
          <p className="text-sm text-zinc-500">{t("queue.transfer.noTargets")}</p>
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
