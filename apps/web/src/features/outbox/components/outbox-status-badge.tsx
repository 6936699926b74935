import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "../../../components/ui/badge";
import type { OutboxStatus } from "../api/outbox.api";

const tones: Record<OutboxStatus, BadgeTone> = {
  PENDING: "amber",
  SENT: "green",
  FAILED: "red",
  SKIPPED: "gray",
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={tones[status] ?? "gray"} data-testid="outbox-status" data-status={status}>
      {t(`outboxStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}
