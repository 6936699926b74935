import { COMPANY_STATUSES, type CompanyStatus } from "@equeue/contracts";
import { useTranslation } from "react-i18next";
import { Input } from "../../../components/ui/input";
import { Select } from "../../../components/ui/select";

type Props = {
  search: string;
  status: CompanyStatus | "";
  onSearchChange: (value: string) => void;
  onStatusChange: (value: CompanyStatus | "") => void;
};

function toStatus(value: string): CompanyStatus | "" {
  return COMPANY_STATUSES.find((s) => s === value) ?? "";
}

export function CompaniesToolbar({ search, status, onSearchChange, onStatusChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1">
        <label htmlFor="company-search" className="sr-only">
          {t("companies.searchLabel")}
        </label>
        <Input
          id="company-search"
          type="search"
          value={search}
          placeholder={t("companies.searchPlaceholder")}
          onChange={(event) => onSearchChange(event.target.value)}
        />
      </div>
      <div className="w-48">
        <label htmlFor="company-status" className="sr-only">
          {t("companies.statusFilter")}
        </label>
        <Select
          id="company-status"
          value={status}
          onChange={(event) => onStatusChange(toStatus(event.target.value))}
        >
          <option value="">{t("companies.allStatuses")}</option>
          {COMPANY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
