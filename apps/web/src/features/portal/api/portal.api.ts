import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import { textLanguage } from "../../../lib/i18n";
import type { LocalizedText } from "../../../lib/localized";

/** A company card of the public directory (`GET /api/public/companies`). */
export type PublicCompany = {
  name: string;
  slug: string;
  logoUrl: string | null;
  description: string | null;
  /** Customers' average stars and how many rated; null until the first rating. */
  rating?: { average: number; count: number } | null;
};

export type DayHours = { open: string; close: string; breaks: { start: string; end: string }[] };

/** One local day of a branch: its hours after holidays and short days, or closed (null). */
export type DayOpening = {
  day: string;
  weekday: number;
  hours: DayHours | null;
  exception: "CLOSED" | "SHORT_DAY" | null;
  note: string | null;
};

export type PublicBranch = {
  id: string;
  slug: string;
  name: LocalizedText;
  address: LocalizedText;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  openNow: boolean;
  closedReason: string | null;
  today: DayOpening;
  week: DayOpening[];
};

export type PortalCompany = PublicCompany & {
  phone: string | null;
  address: string | null;
  primaryColor: string | null;
};

export type ServiceLine = {
  id: string;
  letter: string;
  name: LocalizedText;
  description: LocalizedText;
  durationMinutes: number;
  waiting: number;
  operatorsServing: number;
  wait: { minutes: number; lowMinutes: number; highMinutes: number; noOperators: boolean };
  joinOnline: boolean;
  joinRefusal: string | null;
  bookOnline: boolean;
};

export type JoinedTicket = {
  label: string;
  status: string;
  token: string;
  trackPath: string;
  branchName: LocalizedText;
  serviceName: LocalizedText;
  issuedAt: string;
};

export const listPublicCompanies = (search: string, signal?: AbortSignal) =>
  requestJson<{ items: PublicCompany[] }>(
    `/api/public/companies${search ? `?search=${encodeURIComponent(search)}` : ""}`,
    { signal },
  );

export const fetchCompanyPage = (slug: string, signal?: AbortSignal) =>
  requestJson<{ company: PortalCompany; branches: PublicBranch[] }>(
    `${companyApiBase(slug)}/portal`,
    { signal },
  );

export const fetchBranchPage = (slug: string, branchSlug: string, signal?: AbortSignal) =>
  requestJson<{ company: PortalCompany; branch: PublicBranch; services: ServiceLine[] }>(
    `${companyApiBase(slug)}/portal/branches/${encodeURIComponent(branchSlug)}`,
    { signal },
  );

export const joinQueue = (
  slug: string,
  body: { branchId: string; serviceId: string; phone: string; name?: string | null },
) =>
  requestJson<{ ticket: JoinedTicket }>(`${companyApiBase(slug)}/portal/tickets`, {
    method: "POST",
    // The page's language goes along: the customer's SMS speak it.
    body: { ...body, language: textLanguage() },
  });
