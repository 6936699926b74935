import type { FloorDto, ReportDto, StaffingDto, Wire } from "@equeue/contracts";
import { getCompanySession } from "../../lib/auth/sessions";
import type { TextLanguage } from "../../lib/i18n";

export type Report = Wire<ReportDto>;
export type Kpis = Report["totals"];
export type FloorView = Wire<FloorDto>;

export type ReportFilter = { from: string; to: string; branchId?: string; serviceId?: string };

const adminRequest = <T>(slug: string, path: string) =>
  getCompanySession(slug).request<T>(`/admin${path}`);

export const filterQuery = (f: ReportFilter) => {
  const q = new URLSearchParams({ from: f.from, to: f.to });
  if (f.branchId) q.set("branchId", f.branchId);
  if (f.serviceId) q.set("serviceId", f.serviceId);
  return q.toString();
};

export const fetchReport = (slug: string, f: ReportFilter) =>
  adminRequest<Report>(slug, `/reports?${filterQuery(f)}`);

export const fetchFloor = (slug: string) => adminRequest<FloorView>(slug, "/floor");

/** The file name the server gave (in the report's language), if it gave one. */
function fileNameOf(res: Response): string | null {
  const disposition = res.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (!encoded) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/**
 * Downloads the report file with the admin's session (a plain link would carry no token), its
 * words in `lang` — the language the admin reads the page in.
 */
export async function downloadReport(
  slug: string,
  f: ReportFilter,
  format: "csv" | "xlsx",
  lang: TextLanguage,
) {
  const res = await getCompanySession(slug).send(
    `/admin/reports/export?${filterQuery(f)}&format=${format}&lang=${lang}`,
  );
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileNameOf(res) ?? `report-${f.from}-${f.to}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Operators needed per 15-minute interval of a typical day (Erlang C), one branch and service. */
export type StaffingAdvice = Wire<StaffingDto>;

export type StaffingFilter = {
  from: string;
  to: string;
  branchId: string;
  serviceId: string;
  weekday?: number;
};

export const fetchStaffing = (slug: string, f: StaffingFilter) => {
  const q = new URLSearchParams({
    from: f.from,
    to: f.to,
    branchId: f.branchId,
    serviceId: f.serviceId,
  });
  if (f.weekday) q.set("weekday", String(f.weekday));
  return adminRequest<StaffingAdvice>(slug, `/reports/staffing?${q.toString()}`);
};
