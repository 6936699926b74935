import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { Field } from "../../../components/ui/field";
import { Input } from "../../../components/ui/input";
import { useFocusOnOpen } from "../hooks/use-focus-on-open";

type Props = {
  open: boolean;
  label: string;
  pending: boolean;
  error: string | null;
  onFinish: (note: string) => void;
  onClose: () => void;
};

/** "Yakunlash" with an optional outcome note; F then Enter finishes without typing anything. */
export function FinishDialog({ open, label, pending, error, onFinish, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const formId = `${id}-form`;
  const [note, setNote] = useState("");
  useFocusOnOpen(open, `${id}-note`);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("queue.finish.title", { label })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" form={formId} loading={pending}>
            {t("queue.actions.finish")}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          onFinish(note.trim());
          setNote("");
        }}
      >
        <Field id={`${id}-note`} label={t("queue.finish.note")} hint={t("queue.finish.noteHint")}>
          <Input
            id={`${id}-note`}
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
        </Field>
        {error && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
