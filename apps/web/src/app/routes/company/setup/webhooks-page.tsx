import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "../../../../components/ui/table";
import { useToast } from "../../../../components/ui/toast";
import type { Webhook } from "../../../../features/company-setup/api/integrations.api";
import { CredentialListPage } from "../../../../features/company-setup/components/integrations/credential-list-page";
import { DeliveriesDialog } from "../../../../features/company-setup/components/integrations/deliveries-dialog";
import { eventKey } from "../../../../features/company-setup/components/integrations/integration-labels";
import { WebhookDialog } from "../../../../features/company-setup/components/integrations/webhook-dialog";
import { useSetupError } from "../../../../features/company-setup/components/use-setup-error";
import {
  useWebhookCommands,
  useWebhooks,
} from "../../../../features/company-setup/hooks/use-integrations";
import { useSetupContext } from "./setup-context";

const TONE = { ACTIVE: "green", PAUSED: "amber", DISABLED: "gray" } as const;

/** The company's webhook endpoints: add (secret shown once), pause, resume, remove, the log. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { slug } = useSetupContext();
  const toast = useToast();
  const explain = useSetupError();
  const hooks = useWebhooks(slug);
  const commands = useWebhookCommands(slug);
  const [log, setLog] = useState<Webhook | null>(null);
  const failed = (e: unknown) => toast.show(explain(e).message, "error");
  const setStatus = (w: Webhook, status: "ACTIVE" | "PAUSED") =>
    commands.setStatus.mutate({ id: w.id, status }, { onError: failed });
  const resume = (w: Webhook) => (
    <Button size="sm" loading={commands.setStatus.isPending} onClick={() => setStatus(w, "ACTIVE")}>
      {t("setup.webhooks.resume")}
    </Button>
  );

  return (
    <>
      <CredentialListPage
        section="webhooks"
        list={hooks}
        create={commands.create}
        CreateForm={WebhookDialog}
        end={{
          mutation: commands.remove,
          title: () => t("setup.webhooks.deleteTitle"),
          text: t("setup.webhooks.deleteText"),
          confirmLabel: t("setup.common.delete"),
          done: t("setup.webhooks.deleted"),
        }}
        // Paused by the deliveries' failures (a pause by an admin has no reason).
        notice={(items) =>
          items
            .filter((w) => w.status === "PAUSED" && w.pausedReason)
            .map((w) => (
              <Alert
                key={w.id}
                tone="warning"
                className="mb-4"
                title={t("setup.webhooks.autoPausedTitle")}
                data-testid="webhook-paused"
              >
                <p className="font-mono text-xs break-all">{w.url}</p>
                <p className="mt-1">
                  {t("setup.webhooks.autoPausedText", { count: w.consecutiveFailures })}
                </p>
                <p className="mt-1 mb-2 text-xs opacity-80">
                  {t("setup.webhooks.lastError", { error: w.pausedReason })}
                </p>
                {resume(w)}
              </Alert>
            ))
        }
        table={(items, remove) => (
          <Table>
            <THead>
              <Tr>
                <Th>{t("setup.webhooks.colUrl")}</Th>
                <Th>{t("setup.webhooks.colEvents")}</Th>
                <Th>{t("setup.webhooks.colStatus")}</Th>
                <Th />
              </Tr>
            </THead>
            <TBody>
              {items.map((w) => (
                <Tr key={w.id} data-testid="webhook-row">
                  <Td>
                    <p className="font-mono text-xs break-all">{w.url}</p>
                    {w.description && <p className="text-xs text-zinc-500">{w.description}</p>}
                  </Td>
                  <Td className="text-xs">
                    {w.eventTypes.map((e) => t(`setup.webhooks.event.${eventKey(e)}`)).join(", ")}
                  </Td>
                  <Td>
                    <Badge tone={TONE[w.status]}>{t(`setup.webhooks.status.${w.status}`)}</Badge>
                    {w.status === "PAUSED" && w.pausedReason && (
                      <p className="mt-1 text-xs text-amber-800">
                        {t("setup.webhooks.autoPaused", { count: w.consecutiveFailures })}
                      </p>
                    )}
                  </Td>
                  <Td className="text-right whitespace-nowrap">
                    <Button size="sm" variant="secondary" onClick={() => setLog(w)}>
                      {t("setup.webhooks.deliveries")}
                    </Button>{" "}
                    <Button
                      size="sm"
                      variant="ghost"
                      loading={commands.setStatus.isPending}
                      onClick={() => setStatus(w, w.status === "ACTIVE" ? "PAUSED" : "ACTIVE")}
                    >
                      {w.status === "ACTIVE"
                        ? t("setup.webhooks.pause")
                        : t("setup.webhooks.resume")}
                    </Button>{" "}
                    <Button size="sm" variant="dangerGhost" onClick={() => remove(w)}>
                      {t("setup.common.delete")}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      />
      {log && (
        <DeliveriesDialog
          slug={slug}
          endpoint={log}
          resending={commands.resend.isPending}
          onResend={(deliveryId) =>
            commands.resend.mutate(
              { id: log.id, deliveryId },
              { onSuccess: () => toast.show(t("setup.webhooks.resent")), onError: failed },
            )
          }
          onClose={() => setLog(null)}
        />
      )}
    </>
  );
}
