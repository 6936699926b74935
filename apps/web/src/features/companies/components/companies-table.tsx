import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Logo } from "../../../components/ui/logo";
import { Table, TBody, THead, Td, Th, Tr } from "../../../components/ui/table";
import { useFormatDate } from "../../../lib/format";
import type { Company } from "../api/companies.api";
import { CompanyStatusBadge, ReadyBadge } from "./company-status-badge";

type Props = { companies: Company[]; hrefOf: (company: Company) => string };

export function CompaniesTable({ companies, hrefOf }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Table>
      <THead>
        <Tr>
          <Th className="w-14">
            <span className="sr-only">{t("companies.colLogo")}</span>
          </Th>
          <Th>{t("companies.colName")}</Th>
          <Th>{t("companies.colSlug")}</Th>
          <Th>{t("companies.colStatus")}</Th>
          <Th>{t("companies.colAdminEmail")}</Th>
          <Th>{t("companies.colCreated")}</Th>
        </Tr>
      </THead>
      <TBody>
        {companies.map((company) => (
          <Tr
            key={company.id}
            data-testid={`company-row-${company.slug}`}
            className="transition-colors hover:bg-zinc-50"
          >
            <Td className="py-2.5">
              <Logo url={company.logoUrl} name={company.name} size="sm" />
            </Td>
            <Td>
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  to={hrefOf(company)}
                  className="font-medium text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  {company.name}
                </Link>
                {company.readyRequestedAt && company.status === "INACTIVE" && <ReadyBadge />}
              </div>
            </Td>
            <Td className="font-mono text-xs text-zinc-600">{company.slug}</Td>
            <Td>
              <CompanyStatusBadge status={company.status} />
            </Td>
            <Td className="max-w-64 truncate">{company.adminEmail}</Td>
            <Td className="whitespace-nowrap text-zinc-500 tabular-nums">
              {formatDate(company.createdAt, false)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
