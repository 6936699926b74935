import { ALL_AUDIT_ACTIONS } from "@equeue/contracts";
import { useTranslation } from "react-i18next";
import { Input } from "../../../components/ui/input";
import { Select } from "../../../components/ui/select";
import { auditActionLabel } from "../audit-labels";

export type CompanyOption = { id: string; name: string };

type Props = {
  action: string;
  companyId: string;
  companies: CompanyOption[];
  onActionChange: (value: string) => void;
  onCompanyChange: (value: string) => void;
};

export function AuditFilters({
  action,
  companyId,
  companies,
  onActionChange,
  onCompanyChange,
}: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1">
        <label htmlFor="audit-action" className="mb-1.5 block text-sm font-medium text-zinc-800">
          {t("audit.filterAction")}
        </label>
        <Input
          id="audit-action"
          type="search"
          value={action}
          placeholder={t("audit.filterActionPlaceholder")}
          list="audit-action-codes"
          onChange={(event) => onActionChange(event.target.value)}
        />
        {/* Suggests the codes with their meaning, so nobody has to know them by heart. */}
        <datalist id="audit-action-codes">
          {ALL_AUDIT_ACTIONS.map((code) => (
            <option key={code} value={code} label={auditActionLabel(code, i18n.language)} />
          ))}
        </datalist>
      </div>
      <div className="w-64">
        <label htmlFor="audit-company" className="mb-1.5 block text-sm font-medium text-zinc-800">
          {t("audit.filterCompany")}
        </label>
        <Select
          id="audit-company"
          value={companyId}
          onChange={(event) => onCompanyChange(event.target.value)}
        >
          <option value="">{t("audit.allCompanies")}</option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
