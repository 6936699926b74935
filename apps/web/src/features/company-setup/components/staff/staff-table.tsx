import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../../components/ui/badge";
import { Table, TBody, THead, Td, Th, Tr } from "../../../../components/ui/table";
import { useFormatDate } from "../../../../lib/format";
import { useLocalized } from "../../../../lib/localized";
import { listCounters } from "../../api/counters.api";
import type { Branch, Service, Staff } from "../../api/types";
import { setupKeys } from "../../hooks/setup-keys";

const roleTone = { COMPANY_ADMIN: "dark", BRANCH_MANAGER: "indigo", OPERATOR: "blue" } as const;

type Props = {
  slug: string;
  staff: Staff[];
  branches: Branch[];
  services: Service[];
  adminBase: string;
};

export function StaffTable({ slug, staff, branches, services, adminBase }: Props) {
  const { t } = useTranslation();
  const local = useLocalized();
  const formatDate = useFormatDate();
  const branchName = new Map(branches.map((b) => [b.id, local(b.name)]));
  const letter = new Map(services.map((s) => [s.id, s.letter]));
  const branchIds = [
    ...new Set(staff.map((s) => s.branchId).filter((id): id is string => Boolean(id))),
  ];
  const counterLists = useQueries({
    queries: branchIds.map((id) => ({
      queryKey: setupKeys.counters(slug, id),
      queryFn: () => listCounters(slug, id),
    })),
  });
  const counterNumber = new Map(
    counterLists.flatMap((q) => q.data ?? []).map((c) => [c.id, c.number] as const),
  );

  const workplace = (s: Staff) => {
    if (s.role === "OPERATOR") {
      const parts = [s.branchId ? branchName.get(s.branchId) : null];
      const n = s.counterId ? counterNumber.get(s.counterId) : undefined;
      if (n !== undefined) parts.push(t("setup.counters.label", { number: n }));
      return parts.filter(Boolean).join(" · ") || "—";
    }
    if (s.role === "BRANCH_MANAGER")
      return s.branchIds.map((id) => branchName.get(id) ?? "?").join(", ");
    return t("setup.staff.allBranches");
  };

  return (
    <Table>
      <THead>
        <Tr>
          <Th>{t("setup.staff.colPerson")}</Th>
          <Th>{t("setup.staff.role")}</Th>
          <Th>{t("setup.staff.colWorkplace")}</Th>
          <Th className="hidden lg:table-cell">{t("setup.staff.services")}</Th>
          <Th>{t("setup.common.status")}</Th>
          <Th className="hidden xl:table-cell">{t("setup.staff.lastLogin")}</Th>
        </Tr>
      </THead>
      <TBody>
        {staff.map((s) => (
          <Tr key={s.id} className="hover:bg-zinc-50" data-testid="staff-row">
            <Td>
              <Link
                to={`${adminBase}/staff/${s.id}`}
                className="font-medium text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {s.name}
              </Link>
              <div className="text-xs text-zinc-500">{s.email}</div>
            </Td>
            <Td>
              <Badge tone={roleTone[s.role]}>{t(`setup.staff.roles.${s.role}`)}</Badge>
            </Td>
            <Td className="max-w-56">{workplace(s)}</Td>
            <Td className="hidden lg:table-cell">
              {s.role === "OPERATOR" ? (
                <span className="flex flex-wrap gap-1">
                  {s.serviceIds.map((id) => (
                    <span
                      key={id}
                      className="rounded bg-zinc-100 px-1.5 font-mono text-xs font-semibold text-zinc-700"
                    >
                      {letter.get(id) ?? "?"}
                    </span>
                  ))}
                  {s.serviceIds.length === 0 && (
                    <span className="text-amber-700">{t("setup.staff.noServices")}</span>
                  )}
                </span>
              ) : (
                "—"
              )}
            </Td>
            <Td>
              {!s.active ? (
                <Badge tone="gray" dot>
                  {t("setup.staff.deactivatedBadge")}
                </Badge>
              ) : s.mustChangePassword ? (
                <Badge tone="amber" dot>
                  {t("setup.staff.pendingBadge")}
                </Badge>
              ) : (
                <Badge tone="green" dot>
                  {t("setup.common.active")}
                </Badge>
              )}
            </Td>
            <Td className="hidden whitespace-nowrap xl:table-cell">{formatDate(s.lastLoginAt)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
