import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Card, CardHeader } from "../../../components/ui/card";
import { useFormatDate } from "../../../lib/format";
import { TEXT_LANGUAGES } from "../../../lib/i18n";
import type { Company } from "../api/companies.api";

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(8rem,12rem)_1fr] gap-3 px-5 py-2.5 text-sm">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900">{children || "—"}</dd>
    </div>
  );
}

export function CompanyDetails({ company }: { company: Company }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Card>
      <CardHeader title={t("company.details")} />
      <dl className="divide-y divide-zinc-100">
        <Row label={t("form.adminEmail")}>{company.adminEmail}</Row>
        <Row label={t("form.phone")}>{company.phone}</Row>
        <Row label={t("form.address")}>{company.address}</Row>
        <Row label={t("form.description")}>
          {company.description &&
            TEXT_LANGUAGES.filter((lang) => company.description?.[lang]).map((lang) => (
              <p key={lang} lang={lang} className="whitespace-pre-line not-first:mt-1.5">
                <span className="mr-1.5 rounded bg-zinc-100 px-1 font-mono text-[10px] font-semibold text-zinc-600 uppercase">
                  {lang}
                </span>
                {company.description?.[lang]}
              </p>
            ))}
        </Row>
        <Row label={t("form.defaultLanguage")}>{t(`languages.${company.defaultLanguage}`)}</Row>
        <Row label={t("company.createdAt")}>{formatDate(company.createdAt)}</Row>
        <Row label={t("company.activatedAt")}>{formatDate(company.activatedAt)}</Row>
        {company.readyRequestedAt && (
          <Row label={t("company.readyRequestedAt")}>{formatDate(company.readyRequestedAt)}</Row>
        )}
        <Row label={t("company.schemaVersion")}>{company.schemaVersion ?? "—"}</Row>
      </dl>
    </Card>
  );
}
