import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { Field } from "../../../components/ui/field";
import { Input } from "../../../components/ui/input";

const PRESETS = ["lunch", "rest", "meeting", "paperwork"] as const;

type Props = {
  open: boolean;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
};

/** Taking a break asks why; customers are not offered to an operator on a break. */
export function BreakDialog({ open, pending, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState("");
  const submit = (value: string) => {
    onConfirm(value.trim());
    setReason("");
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("queue.break.title")}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" form={`${id}-form`} loading={pending}>
            {t("queue.break.start")}
          </Button>
        </>
      }
    >
      <p>{t("queue.break.intro")}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {PRESETS.map((preset) => (
          <Button
            key={preset}
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() => submit(t(`queue.break.presets.${preset}`))}
          >
            {t(`queue.break.presets.${preset}`)}
          </Button>
        ))}
      </div>
      <form
        id={`${id}-form`}
        className="mt-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit(reason);
        }}
      >
        <Field id={`${id}-reason`} label={t("queue.break.reason")}>
          <Input
            id={`${id}-reason`}
            value={reason}
            maxLength={200}
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
      </form>
    </Dialog>
  );
}
