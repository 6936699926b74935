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
import type { ApiKey } from "../../../../features/company-setup/api/integrations.api";
import { ApiKeyDialog } from "../../../../features/company-setup/components/integrations/api-key-dialog";
import { SCOPE_KEY } from "../../../../features/company-setup/components/integrations/integration-labels";
import { SecretDialog } from "../../../../features/company-setup/components/integrations/secret-card";
import { useSetupError } from "../../../../features/company-setup/components/use-setup-error";
import {
  useApiKeyCommands,
  useApiKeys,
} from "../../../../features/company-setup/hooks/use-integrations";
import { useFormatDate } from "../../../../lib/format";
import { useSetupContext } from "./setup-context";

/** The company's API keys: create (the secret shown once), see use, revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { slug } = useSetupContext();
  const toast = useToast();
  const explain = useSetupError();
  const formatDate = useFormatDate();
  const keys = useApiKeys(slug);
  const commands = useApiKeyCommands(slug);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  if (keys.isPending) return <PageSpinner />;
  const items = keys.data ?? [];
  const add = <Button onClick={() => setCreating(true)}>+ {t("setup.apiKeys.new")}</Button>;

  return (
    <>
      <PageHeader
        title={t("setup.apiKeys.title")}
        subtitle={t("setup.apiKeys.subtitle")}
        actions={add}
      />
      {keys.isError && <Alert tone="error">{explain(keys.error).message}</Alert>}
      {items.length === 0 ? (
        <EmptyState
          title={t("setup.apiKeys.empty")}
          hint={t("setup.apiKeys.emptyHint")}
          action={add}
        />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("setup.apiKeys.colName")}</Th>
              <Th>{t("setup.apiKeys.colPrefix")}</Th>
              <Th>{t("setup.apiKeys.colScopes")}</Th>
              <Th>{t("setup.apiKeys.colLimit")}</Th>
              <Th>{t("setup.apiKeys.colLastUsed")}</Th>
              <Th />
            </Tr>
          </THead>
          <TBody>
            {items.map((k) => (
              <Tr key={k.id} data-testid="api-key-row">
                <Td className="font-medium">{k.name}</Td>
                <Td>
                  <code className="font-mono text-xs">eqk_{k.prefix}_…</code>
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {k.scopes.map((s) => (
                      <Badge key={s} title={t(`setup.apiKeys.scope.${SCOPE_KEY[s]}`)}>
                        {s}
                      </Badge>
                    ))}
                  </div>
                </Td>
                <Td>{t("setup.apiKeys.perMinute", { count: k.rateLimitPerMinute })}</Td>
                <Td>{k.lastUsedAt ? formatDate(k.lastUsedAt) : t("setup.apiKeys.never")}</Td>
                <Td className="text-right">
                  {k.revokedAt ? (
                    <Badge tone="red">{t("setup.apiKeys.revoked")}</Badge>
                  ) : (
                    <Button size="sm" variant="dangerGhost" onClick={() => setRevoking(k)}>
                      {t("setup.apiKeys.revoke")}
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      {creating && (
        <ApiKeyDialog
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
          title={t("setup.apiKeys.secretTitle")}
          text={t("setup.apiKeys.secretText")}
          secret={secret}
          onClose={() => setSecret(null)}
        />
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t("setup.apiKeys.revokeTitle", { name: revoking?.name ?? "" })}
        description={t("setup.apiKeys.revokeText")}
        confirmLabel={t("setup.apiKeys.revoke")}
        tone="danger"
        pending={commands.revoke.isPending}
        error={commands.revoke.error ? explain(commands.revoke.error).message : null}
        onClose={() => {
          setRevoking(null);
          commands.revoke.reset();
        }}
        onConfirm={() =>
          revoking &&
          commands.revoke.mutate(revoking.id, {
            onSuccess: () => {
              setRevoking(null);
              toast.show(t("setup.apiKeys.revokedDone"));
            },
          })
        }
      />
    </>
  );
}
