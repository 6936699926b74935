import type { OperatorStatus, TicketSource } from "@equeue/contracts";
import { getCompanySession } from "../../lib/auth/sessions";
import type { LocalizedText } from "../../lib/localized";

export type Kpis = {
  issued: number;
  checkedIn: number;
  entered: number;
  called: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  transferred: number;
  abandoned: number;
  abandonmentRate: number | null;
  waitAvgSeconds: number | null;
  serviceAvgSeconds: number | null;
  serviceLevel: number | null;
};

export type Report = {
  range: { from: string; to: string };
  totals: Kpis;
  bySource: (Kpis & { source: TicketSource })[];
  wait: { count: number; p50: number | null; p90: number | null; p95: number | null };
  service: { count: number; p50: number | null; p90: number | null };
  daily: (Kpis & { day: string })[];
  heatmap: { weekday: number; hour: number; entered: number; served: number }[];
  operators: {
    operatorId: string;
    name: string;
    served: number;
    noShow: number;
    serviceAvgSeconds: number | null;
    waitAvgSeconds: number | null;
    availableSeconds: number;
    idleSeconds: number;
    breakSeconds: number;
    awaySeconds: number;
  }[];
  branches: (Kpis & { branchId: string; name: LocalizedText })[];
  ratings: {
    count: number;
    average: number | null;
    distribution: { stars: number; count: number }[];
    comments: { stars: number; comment: string; createdAt: string; ticket: string }[];
  };
  appointments: {
    booked: number;
    checkedIn: number;
    late: number;
    missed: number;
    cancelled: number;
  };
  /** The wait quoted at issue against the wait that followed (served tickets with a quote). */
  quotes: {
    count: number;
    maeMinutes: number | null;
    biasMinutes: number | null;
    withinRange: number | null;
    underEstimated: number | null;
  };
};

export type FloorView = {
  at: string;
  branches: {
    id: string;
    name: LocalizedText;
    timeZone: string;
    services: {
      id: string;
      name: LocalizedText;
      letter: string;
      targetWaitMinutes: number | null;
      waiting: number;
      longestWaitSeconds: number | null;
      oldestQueuedAt: string | null;
      servedToday: number;
      serviceLevel: number | null;
      overTarget: boolean;
    }[];
    operators: {
      staffId: string;
      name: string;
      counter: number | null;
      /** At a counter: serving a ticket, or the operator's own status. */
      state: "SERVING" | Exclude<OperatorStatus, "OFFLINE">;
      since: string;
      ticket: string | null;
    }[];
  }[];
};

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

/** Downloads the report file with the admin's session (a plain link would carry no token). */
export async function downloadReport(slug: string, f: ReportFilter, format: "csv" | "xlsx") {
  const res = await getCompanySession(slug).send(
    `/admin/reports/export?${filterQuery(f)}&format=${format}`,
  );
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `report-${f.from}-${f.to}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Operators needed per 15-minute interval of a typical day (Erlang C), one branch and service. */
export type StaffingAdvice = {
  branchId: string;
  serviceId: string;
  days: number;
  weekday: number | null;
  goal: number;
  targetSeconds: number;
  targetFrom: "request" | "service" | "default";
  handleSeconds: number | null;
  intervals: {
    start: string;
    arrivals: number;
    handleSeconds: number;
    traffic: number;
    agents: number;
    serviceLevel: number;
    averageWaitSeconds: number;
  }[];
  peakAgents: number;
};

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
