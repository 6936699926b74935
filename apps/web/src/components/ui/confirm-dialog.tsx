import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button";
import { Dialog } from "./dialog";

type ConfirmDialogProps = {
  open: boolean;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** The button that backs out; "Cancel" unless the action itself is a cancel. */
  dismissLabel?: string;
  tone?: "primary" | "danger";
  pending?: boolean;
  error?: string | null;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
};

/** Asks before a consequential action; shows the action's error in place. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      footer={
        <>
          <Button variant="secondary" onClick={props.onClose} disabled={props.pending}>
            {props.dismissLabel ?? t("common.cancel")}
          </Button>
          <Button
            variant={props.tone === "danger" ? "danger" : "primary"}
            onClick={props.onConfirm}
            loading={props.pending}
            disabled={props.confirmDisabled}
          >
            {props.confirmLabel}
          </Button>
        </>
      }
    >
      <p>{props.description}</p>
      {props.children}
      {props.error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-red-800">
          {props.error}
        </p>
      )}
    </Dialog>
  );
}
