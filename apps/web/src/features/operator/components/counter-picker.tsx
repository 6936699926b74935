import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { Field } from "../../../components/ui/field";
import { Select } from "../../../components/ui/select";
import type { CounterOption } from "../api/operator.types";

type Props = {
  operatorName: string;
  branchName: string;
  /** Counters to choose from; null when only the operator's default counter can be used. */
  counters: CounterOption[] | null;
  /** The counter the admin gave this operator, chosen to begin with. */
  defaultCounterId: string | null;
  pending: boolean;
  error: string | null;
  /** The server said the operator works at another counter: offer to move here. */
  askTakeOver: boolean;
  onStart: (counterId: string | undefined, takeOver: boolean) => void;
};

/** Before the first customer: which counter ("oyna") the operator works at today. */
export function CounterPicker(props: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setCounterId] = useState<string | null>(null);
  // Until the operator picks one: their own counter, once the list (which names it) is here.
  const counterId =
    chosen ??
    (props.counters?.some((c) => c.id === props.defaultCounterId) ? props.defaultCounterId! : "");
  const active = props.counters;
  return (
    <div className="flex flex-1 items-center justify-center p-6">
      <Card className="w-full max-w-md p-6" data-testid="counter-picker">
        <h1 className="text-xl font-semibold text-zinc-900">{t("queue.session.title")}</h1>
        <p className="mt-1 text-sm text-zinc-600">
          {props.operatorName} · {props.branchName}
        </p>
        <p className="mt-3 text-sm text-zinc-700">{t("queue.session.intro")}</p>
        <form
          className="mt-5 space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            props.onStart(counterId || undefined, props.askTakeOver);
          }}
        >
          {active && active.length > 0 && (
            <Field id={`${id}-counter`} label={t("queue.session.counter")}>
              <Select
                id={`${id}-counter`}
                value={counterId}
                onChange={(event) => setCounterId(event.target.value)}
              >
                <option value="">{t("queue.session.choose")}</option>
                {active.map((counter) => {
                  const label = t("queue.counterName", { number: counter.number });
                  // A name that only repeats the number ("1-oyna") is not said twice.
                  const name = counter.name?.trim();
                  const named = name && name.toLowerCase() !== label.toLowerCase();
                  return (
                    <option key={counter.id} value={counter.id}>
                      {label}
                      {named ? ` — ${name}` : ""}
                      {counter.occupiedBy ? ` (${counter.occupiedBy.name})` : ""}
                    </option>
                  );
                })}
              </Select>
            </Field>
          )}
          {props.askTakeOver && (
            <Alert tone="warning" title={t("queue.session.takeOverTitle")}>
              {t("queue.session.takeOverText")}
            </Alert>
          )}
          {props.error && !props.askTakeOver && <Alert tone="error">{props.error}</Alert>}
          <Button type="submit" className="h-12 w-full text-base" loading={props.pending} autoFocus>
            {props.askTakeOver ? t("queue.session.takeOver") : t("queue.session.start")}
          </Button>
        </form>
      </Card>
    </div>
  );
}
