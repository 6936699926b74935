import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../../components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "../../../../components/ui/table";
import { useLocalized } from "../../../../lib/localized";
import type { Branch, Service } from "../../api/types";

export function ServicesTable({
  services,
  branches,
  adminBase,
}: {
  services: Service[];
  branches: Branch[];
  adminBase: string;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const branchName = new Map(branches.map((b) => [b.id, local(b.name)]));
  return (
    <Table>
      <THead>
        <Tr>
          <Th className="w-16">{t("setup.services.letterShort")}</Th>
          <Th>{t("setup.services.colName")}</Th>
          <Th>{t("setup.services.duration")}</Th>
          <Th>{t("setup.services.colBranches")}</Th>
          <Th className="hidden md:table-cell">{t("setup.services.colChannels")}</Th>
          <Th>{t("setup.common.status")}</Th>
        </Tr>
      </THead>
      <TBody>
        {services.map((s) => (
          <Tr key={s.id} className="hover:bg-zinc-50" data-testid={`service-row-${s.code}`}>
            <Td>
              <span className="flex size-8 items-center justify-center rounded-md bg-indigo-50 font-mono text-sm font-bold text-indigo-700">
                {s.letter}
              </span>
            </Td>
            <Td>
              <Link
                to={`${adminBase}/services/${s.id}`}
                className="font-medium text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {local(s.name)}
              </Link>
              {local(s.description) && (
                <p className="max-w-sm truncate text-xs text-zinc-500">{local(s.description)}</p>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              {t("setup.common.minutes", { count: s.durationMinutes })}
            </Td>
            <Td className="max-w-56">
              {s.branches.length === 0 ? (
                <span className="text-amber-700">{t("setup.services.noBranchYet")}</span>
              ) : (
                <span className="line-clamp-2">
                  {s.branches.map((b) => branchName.get(b.branchId) ?? "?").join(", ")}
                </span>
              )}
            </Td>
            <Td className="hidden md:table-cell">
              <span className="flex flex-wrap gap-1">
                {s.showOnKiosk && <Badge tone="blue">{t("setup.services.kioskBadge")}</Badge>}
                {s.onlineBooking && <Badge tone="indigo">{t("setup.services.onlineBadge")}</Badge>}
              </span>
            </Td>
            <Td>
              <Badge tone={s.active ? "green" : "gray"} dot>
                {s.active ? t("setup.common.active") : t("setup.common.inactive")}
              </Badge>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
