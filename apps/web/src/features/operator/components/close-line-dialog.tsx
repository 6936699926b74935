import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { Field } from "../../../components/ui/field";
import { Textarea } from "../../../components/ui/input";
import { operatorApi } from "../api/operator.api";
import { useFocusOnOpen } from "../hooks/use-focus-on-open";
import { useQueueErrorMessage } from "../hooks/use-queue-error";

type Props = {
  open: boolean;
  slug: string;
  branchId: string;
  onClose: () => void;
  onDone: (cancelled: number) => void;
};

/**
 * "Close the line" (managers and admins): asks for the message every waiting customer gets and
 * shows how many that is, read afresh when the dialog opens.
 */
export function CloseLineDialog({ open, slug, branchId, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const api = useMemo(() => operatorApi(slug), [slug]);
  const errorText = useQueueErrorMessage();
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useFocusOnOpen(open, `${id}-message`);
  const count = useQuery({
    queryKey: ["queue", "waiting-count", slug, branchId],
    queryFn: ({ signal }) => api.waitingCount(branchId, signal),
    enabled: open,
    staleTime: 0,
  });
  const waiting = count.data?.waiting;
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title={t("queue.closeLine.title")}
      description={
        waiting === undefined
          ? t("queue.closeLine.counting")
          : t("queue.closeLine.text", { count: waiting })
      }
      confirmLabel={t("queue.closeLine.confirm")}
      tone="danger"
      pending={pending}
      error={error}
      confirmDisabled={message.trim() === "" || waiting === 0}
      onClose={close}
      onConfirm={async () => {
        setPending(true);
        setError(null);
        try {
          const { cancelled } = await api.cancelWaiting(branchId, message.trim());
          setMessage("");
          onDone(cancelled);
          onClose();
        } catch (err) {
          setError(errorText(err));
        } finally {
          setPending(false);
        }
      }}
    >
      <Field
        id={`${id}-message`}
        label={t("queue.closeLine.message")}
        hint={t("queue.closeLine.hint")}
        required
      >
        <Textarea
          id={`${id}-message`}
          data-testid="close-line-message"
          value={message}
          maxLength={300}
          rows={3}
          onChange={(event) => setMessage(event.target.value)}
        />
      </Field>
    </ConfirmDialog>
  );
}
