import { useTranslation } from "react-i18next";
import { Badge } from "../../../components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "../../../components/ui/table";
import { useFormatDate } from "../../../lib/format";
import type { AuditEntry } from "../api/audit.api";
import { auditActionLabel, auditActorLabel, auditTargetLabel } from "../audit-labels";

const dash = <span className="text-zinc-400">—</span>;

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const formatDate = useFormatDate();
  return (
    <Table>
      <THead>
        <Tr>
          <Th>{t("audit.colWhen")}</Th>
          <Th>{t("audit.colWho")}</Th>
          <Th>{t("audit.colAction")}</Th>
          <Th>{t("audit.colTarget")}</Th>
          <Th>{t("audit.colCompany")}</Th>
          <Th>{t("audit.colIp")}</Th>
        </Tr>
      </THead>
      <TBody>
        {entries.map((entry) => (
          <Tr key={entry.id} data-testid="audit-row">
            <Td className="whitespace-nowrap text-zinc-500 tabular-nums">{formatDate(entry.at)}</Td>
            <Td className="max-w-56">
              <div className="truncate text-zinc-900">
                {entry.actorEmail ?? auditActorLabel(entry.actorType, lang)}
              </div>
              {entry.actorEmail && (
                <div className="text-xs text-zinc-500">
                  {auditActorLabel(entry.actorType, lang)}
                </div>
              )}
            </Td>
            <Td>
              {/* The code stays beside the words: it is what the filter searches. */}
              <div className="font-medium text-zinc-900" data-testid="audit-action">
                {auditActionLabel(entry.action, lang)}
              </div>
              <Badge tone="gray" className="mt-1 font-mono">
                {entry.action}
              </Badge>
            </Td>
            <Td className="max-w-56 text-xs">
              {entry.targetType ? (
                <>
                  <span className="text-zinc-700">{auditTargetLabel(entry.targetType, lang)}</span>
                  {entry.targetId && (
                    <span className="block truncate font-mono text-zinc-400" title={entry.targetId}>
                      {entry.targetId}
                    </span>
                  )}
                </>
              ) : (
                dash
              )}
            </Td>
            <Td className="font-mono text-xs">{entry.companySlug ?? dash}</Td>
            <Td className="font-mono text-xs text-zinc-500">{entry.ip ?? dash}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
