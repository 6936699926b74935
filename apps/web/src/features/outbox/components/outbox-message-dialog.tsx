import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { useFormatDate } from "../../../lib/format";
import type { OutboxMessage } from "../api/outbox.api";
import { channelLabel } from "../channel-label";
import { OutboxStatusBadge } from "./outbox-status-badge";

type Props = { message: OutboxMessage | null; onClose: () => void };

/** The full text of one message, as the recipient would read it. */
export function OutboxMessageDialog({ message, onClose }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Dialog
      open={message !== null}
      onClose={onClose}
      size="lg"
      title={message?.subject ?? t("outbox.messageTitle")}
      footer={
        <Button variant="secondary" onClick={onClose}>
          {t("common.close")}
        </Button>
      }
    >
      {message && (
        <div data-testid="outbox-message">
          <dl className="mb-4 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm">
            <dt className="text-zinc-500">{t("outbox.colTo")}</dt>
            <dd className="break-all text-zinc-900">
              {message.to}{" "}
              <span className="text-xs text-zinc-400">({channelLabel(t, message.channel)})</span>
            </dd>
            <dt className="text-zinc-500">{t("outbox.colStatus")}</dt>
            <dd>
              <OutboxStatusBadge status={message.status} />
            </dd>
            {message.deliveryStatus && (
              <>
                <dt className="text-zinc-500">{t("outbox.colDelivery")}</dt>
                <dd className="text-zinc-900" data-testid="outbox-delivery">
                  {message.deliveryStatus}
                </dd>
              </>
            )}
            {message.segments !== null && (
              <>
                <dt className="text-zinc-500">{t("outbox.colSegments")}</dt>
                <dd className="text-zinc-900 tabular-nums">{message.segments}</dd>
              </>
            )}
            <dt className="text-zinc-500">{t("outbox.colCreated")}</dt>
            <dd className="text-zinc-900">{formatDate(message.createdAt)}</dd>
            {message.lastError && (
              <>
                <dt className="text-zinc-500">{t("outbox.colLastError")}</dt>
                <dd className="break-words text-red-700">{message.lastError}</dd>
              </>
            )}
          </dl>
          {message.hidden ? (
            <p
              data-testid="outbox-message-hidden"
              className="rounded-md border border-zinc-200 bg-zinc-50 p-4 text-sm text-zinc-600"
            >
              {t("outbox.hiddenText")}
            </p>
          ) : (
            <pre
              data-testid="outbox-message-body"
              className="rounded-md border border-zinc-200 bg-zinc-50 p-4 font-mono text-[13px] leading-relaxed break-words whitespace-pre-wrap text-zinc-800"
            >
              {message.text}
            </pre>
          )}
        </div>
      )}
    </Dialog>
  );
}
