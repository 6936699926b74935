import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../../components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "../../../../components/ui/table";
import { useLocalized } from "../../../../lib/localized";
import { WEEKDAYS, type Branch } from "../../api/types";

/** "Du–Ju 09:00–18:00" style summary of a branch's week. */
function useHoursSummary() {
  const { t } = useTranslation();
  return (branch: Branch) => {
    const open = WEEKDAYS.filter((d) => branch.weeklyHours[d]);
    if (open.length === 0) return t("setup.branches.hoursClosed");
    const first = branch.weeklyHours[open[0]!]!;
    return t("setup.branches.hoursSummary", {
      days: open.length,
      from: first.open,
      to: first.close,
    });
  };
}

export function BranchesTable({ branches, base }: { branches: Branch[]; base: string }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const hours = useHoursSummary();
  return (
    <Table>
      <THead>
        <Tr>
          <Th>{t("setup.branches.colName")}</Th>
          <Th>{t("setup.branches.colCode")}</Th>
          <Th className="hidden md:table-cell">{t("setup.branches.colAddress")}</Th>
          <Th>{t("setup.branches.colHours")}</Th>
          <Th>{t("setup.common.status")}</Th>
        </Tr>
      </THead>
      <TBody>
        {branches.map((b) => (
          <Tr key={b.id} className="hover:bg-zinc-50" data-testid={`branch-row-${b.slug}`}>
            <Td>
              <Link
                to={`${base}/admin/branches/${b.id}`}
                className="font-medium text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {local(b.name)}
              </Link>
              <div className="font-mono text-xs text-zinc-500">/{b.slug}</div>
            </Td>
            <Td className="font-mono">{b.code}</Td>
            <Td className="hidden max-w-64 truncate md:table-cell">{local(b.address) || "—"}</Td>
            <Td className="whitespace-nowrap">{hours(b)}</Td>
            <Td>
              <Badge tone={b.status === "OPEN" ? "green" : "gray"} dot>
                {t(`setup.branches.${b.status}`)}
              </Badge>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
