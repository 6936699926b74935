import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { EmptyState } from "../../../../components/ui/empty-state";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { Table, TBody, Td, Th, THead, Tr } from "../../../../components/ui/table";
import { useToast } from "../../../../components/ui/toast";
import type { Webhook } from "../../../../features/company-setup/api/integrations.api";
import { DeliveriesDialog } from "../../../../features/company-setup/components/integrations/deliveries-dialog";
import { SecretDialog } from "../../../../features/company-setup/components/integrations/secret-card";
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
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Webhook | null>(null);
  const [log, setLog] = useState<Webhook | null>(null);

  if (hooks.isPending) return <PageSpinner />;
  const items = hooks.data ?? [];
  const add = <Button onClick={() => setCreating(true)}>+ {t("setup.webhooks.new")}</Button>;
  const failed = (e: unknown) => toast.show(explain(e).message, "error");
  const setStatus = (w: Webhook, status: "ACTIVE" | "PAUSED") =>
    commands.setStatus.mutate({ id: w.id, status }, { onError: failed });
  // Paused by the deliveries' failures (a pause by an admin has no reason).
  const stopped = items.filter((w) => w.status === "PAUSED" && w.pausedReason);

  return (
    <>
      <PageHeader
        title={t("setup.webhooks.title")}
        subtitle={t("setup.webhooks.subtitle")}
        actions={add}
      />
      {hooks.isError && <Alert tone="error">{explain(hooks.error).message}</Alert>}
      {stopped.map((w) => (
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
          <p className="mt-1 text-xs opacity-80">{w.pausedReason}</p>
          <Button
            size="sm"
            className="mt-2"
            loading={commands.setStatus.isPending}
            onClick={() => setStatus(w, "ACTIVE")}
          >
            {t("setup.webhooks.resume")}
          </Button>
        </Alert>
      ))}
      {items.length === 0 ? (
        <EmptyState
          title={t("setup.webhooks.empty")}
          hint={t("setup.webhooks.emptyHint")}
          action={add}
        />
      ) : (
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
                    {w.status === "ACTIVE" ? t("setup.webhooks.pause") : t("setup.webhooks.resume")}
                  </Button>{" "}
                  <Button size="sm" variant="dangerGhost" onClick={() => setRemoving(w)}>
                    {t("setup.common.delete")}
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      {creating && (
        <WebhookDialog
          pending={commands.create.isPending}
          error={commands.create.error}
          onClose={() => {
            setCreating(false);
            commands.create.reset();
          }}
          onSubmit={(input) =>
            commands.create.mutate(input, {
              onSuccess: (answer) => {
                setCreating(false);
                setSecret(answer.secret);
              },
            })
          }
        />
      )}
      {secret && (
        <SecretDialog
          title={t("setup.webhooks.secretTitle")}
          text={t("setup.webhooks.secretText")}
          secret={secret}
          onClose={() => setSecret(null)}
        />
      )}
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
      <ConfirmDialog
        open={removing !== null}
        title={t("setup.webhooks.deleteTitle")}
        description={t("setup.webhooks.deleteText")}
        confirmLabel={t("setup.common.delete")}
        tone="danger"
        pending={commands.remove.isPending}
        error={commands.remove.error ? explain(commands.remove.error).message : null}
        onClose={() => {
          setRemoving(null);
          commands.remove.reset();
        }}
        onConfirm={() =>
          removing &&
          commands.remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              toast.show(t("setup.webhooks.deleted"));
            },
          })
        }
      />
    </>
  );
}
