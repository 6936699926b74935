import { useTranslation } from "react-i18next";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "../../../../components/ui/table";
import { ApiKeyDialog } from "../../../../features/company-setup/components/integrations/api-key-dialog";
import { CredentialListPage } from "../../../../features/company-setup/components/integrations/credential-list-page";
import { SCOPE_KEY } from "../../../../features/company-setup/components/integrations/integration-labels";
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
  const formatDate = useFormatDate();
  const keys = useApiKeys(slug);
  const commands = useApiKeyCommands(slug);
  return (
    <CredentialListPage
      section="apiKeys"
      list={keys}
      create={commands.create}
      CreateForm={ApiKeyDialog}
      end={{
        mutation: commands.revoke,
        title: (k) => t("setup.apiKeys.revokeTitle", { name: k.name }),
        text: t("setup.apiKeys.revokeText"),
        confirmLabel: t("setup.apiKeys.revoke"),
        done: t("setup.apiKeys.revokedDone"),
      }}
      table={(items, revoke) => (
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
                    <Button size="sm" variant="dangerGhost" onClick={() => revoke(k)}>
                      {t("setup.apiKeys.revoke")}
                    </Button>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    />
  );
}
