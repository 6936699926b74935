import { useTranslation } from "react-i18next";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { Dialog } from "../../../../components/ui/dialog";
import { Table, TBody, Td, Th, THead, Tr } from "../../../../components/ui/table";
import { useFormatDate } from "../../../../lib/format";
import type { Webhook } from "../../api/integrations.api";
import { useDeliveries } from "../../hooks/use-integrations";
import { eventKey } from "./integration-labels";

const TONE = { PENDING: "amber", DELIVERED: "green", FAILED: "red" } as const;

/** An endpoint's delivery log, newest first, with "send again" on each delivery. */
export function DeliveriesDialog(props: {
  slug: string;
  endpoint: Webhook;
  resending: boolean;
  onResend: (deliveryId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const deliveries = useDeliveries(props.slug, props.endpoint.id);
  const items = deliveries.data ?? [];
  return (
    <Dialog
      open
      size="lg"
      onClose={props.onClose}
      title={t("setup.webhooks.deliveriesTitle", { url: props.endpoint.url })}
      footer={<Button onClick={props.onClose}>{t("common.close")}</Button>}
    >
      {items.length === 0 ? (
        <p className="text-sm text-zinc-600">{t("setup.webhooks.deliveriesEmpty")}</p>
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("setup.webhooks.colTime")}</Th>
              <Th>{t("setup.webhooks.colEvent")}</Th>
              <Th>{t("setup.webhooks.colStatus")}</Th>
              <Th>{t("setup.webhooks.colAttempts")}</Th>
              <Th>{t("setup.webhooks.colAnswer")}</Th>
              <Th />
            </Tr>
          </THead>
          <TBody>
            {items.map((d) => (
              <Tr key={d.id} data-testid="delivery-row">
                <Td>{formatDate(d.createdAt)}</Td>
                <Td>{t(`setup.webhooks.event.${eventKey(d.eventType)}`)}</Td>
                <Td>
                  <Badge tone={TONE[d.status]}>
                    {t(`setup.webhooks.deliveryStatus.${d.status}`)}
                  </Badge>
                </Td>
                <Td>{d.attempts}</Td>
                <Td className="max-w-xs truncate" title={d.lastError ?? undefined}>
                  {d.lastStatusCode ?? "—"} {d.lastError ?? ""}
                </Td>
                <Td>
                  {d.status !== "PENDING" && (
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={props.resending}
                      onClick={() => props.onResend(d.id)}
                    >
                      {t("setup.webhooks.resend")}
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Dialog>
  );
}
