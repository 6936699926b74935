import { useTranslation } from "react-i18next";
import { Button } from "../../../../components/ui/button";
import { Input } from "../../../../components/ui/input";
import { Select } from "../../../../components/ui/select";
import type { FloorView, ReportFilter } from "../../../../features/reports/reports.api";
import { useLocalized } from "../../../../lib/localized";

/** The report's filter: dates, branch and service (the services of the chosen branch). */
export function ReportFilterForm({
  draft,
  setDraft,
  branches,
  onSubmit,
}: {
  draft: ReportFilter;
  setDraft: (f: ReportFilter) => void;
  branches: FloorView["branches"];
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const services = [
    ...new Map(
      branches
        .filter((b) => !draft.branchId || b.id === draft.branchId)
        .flatMap((b) => b.services.map((s) => [s.id, s] as const)),
    ).values(),
  ];
  return (
    <form
      className="mb-6 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label className="text-sm text-zinc-700">
        {t("reports.report.from")}
        <Input
          type="date"
          value={draft.from}
          max={draft.to}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
      </label>
      <label className="text-sm text-zinc-700">
        {t("reports.report.to")}
        <Input
          type="date"
          value={draft.to}
          min={draft.from}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
      </label>
      <label className="text-sm text-zinc-700">
        {t("reports.report.branch")}
        <Select
          value={draft.branchId ?? ""}
          onChange={(e) => {
            const { branchId: _b, serviceId: _s, ...rest } = draft;
            setDraft(e.target.value ? { ...rest, branchId: e.target.value } : rest);
          }}
        >
          <option value="">{t("reports.report.allBranches")}</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {local(b.name)}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm text-zinc-700">
        {t("reports.report.service")}
        <Select
          value={draft.serviceId ?? ""}
          onChange={(e) => {
            const { serviceId: _s, ...rest } = draft;
            setDraft(e.target.value ? { ...rest, serviceId: e.target.value } : rest);
          }}
        >
          <option value="">{t("reports.report.allServices")}</option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.letter} · {local(s.name)}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit">{t("reports.report.show")}</Button>
    </form>
  );
}
