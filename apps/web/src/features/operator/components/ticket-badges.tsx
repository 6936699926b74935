import { useTranslation } from "react-i18next";
import { Badge } from "../../../components/ui/badge";
import { formatClock } from "../../../lib/use-now";
import type { QueueTicket } from "../api/operator.types";

/** Source, booking and transfer marks shown beside a ticket number. */
export function TicketBadges({
  ticket,
  withSource = true,
}: {
  ticket: QueueTicket;
  withSource?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {withSource && (
        <Badge tone={ticket.source === "ONLINE" ? "blue" : "gray"}>
          {t(`queue.source.${ticket.source}`)}
        </Badge>
      )}
      {ticket.appointmentAt && (
        <Badge tone="indigo" data-testid="booked-badge">
          {t("queue.ticket.booked", { time: formatClock(Date.parse(ticket.appointmentAt)) })}
        </Badge>
      )}
      {ticket.transferredFrom && <Badge tone="amber">{t("queue.ticket.transferred")}</Badge>}
      {ticket.priority > 0 && !ticket.transferredFrom && (
        <Badge tone="red">{t("queue.ticket.priority")}</Badge>
      )}
    </>
  );
}
