import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { Dialog } from "../../../../components/ui/dialog";
import { CheckRow } from "../form-section";
import { useSetupError } from "../use-setup-error";

type Problem = ReturnType<ReturnType<typeof useSetupError>>;

/**
 * The form that creates a credential (an API key, a webhook): title, fields, the server's
 * refusal above them, cancel and create. `children` gets the refusal to put on the fields.
 */
export function CredentialFormDialog(props: {
  title: string;
  submitLabel: string;
  size?: "lg";
  canSubmit: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: () => void;
  children: (problem: Problem | null) => ReactNode;
}) {
  const { t } = useTranslation();
  const explain = useSetupError();
  const problem = props.error ? explain(props.error) : null;
  return (
    <Dialog
      open
      {...(props.size && { size: props.size })}
      onClose={props.onClose}
      title={props.title}
      footer={
        <>
          <Button variant="secondary" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={props.pending} disabled={!props.canSubmit} onClick={props.onSubmit}>
            {props.submitLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {problem && <Alert tone="error">{problem.message}</Alert>}
        {props.children(problem)}
      </div>
    </Dialog>
  );
}

/** Checkboxes for a set of codes (scopes, events), each with its label and the code itself. */
export function ChoiceList<C extends string>(props: {
  idPrefix: string;
  legend: string;
  options: readonly C[];
  chosen: C[];
  onChange: (chosen: C[]) => void;
  labelOf: (option: C) => string;
  keyOf: (option: C) => string;
  className?: string;
}) {
  return (
    <fieldset className={props.className ?? "space-y-2"}>
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">{props.legend}</legend>
      {props.options.map((option) => (
        <CheckRow
          key={option}
          id={`${props.idPrefix}-${props.keyOf(option)}`}
          label={props.labelOf(option)}
          hint={option}
          checked={props.chosen.includes(option)}
          onChange={(on) =>
            props.onChange(
              on ? [...props.chosen, option] : props.chosen.filter((c) => c !== option),
            )
          }
        />
      ))}
    </fieldset>
  );
}
