import type {
  DayOpeningDto,
  DirectoryCompanyDto,
  DirectoryDto,
  JoinedTicketDto,
  PortalBranchPageDto,
  PortalCompanyPageDto,
  PublicBranchDto,
  PublicCompanyDto,
  ServiceLineDto,
  Wire,
} from "@equeue/contracts";
import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import { currentLanguage } from "../../../lib/i18n";

/** A company card of the public directory (`GET /api/public/companies`). */
export type PublicCompany = Wire<DirectoryCompanyDto>;

/** One local day of a branch: its hours after holidays and short days, or closed (null). */
export type DayOpening = Wire<DayOpeningDto>;
export type DayHours = NonNullable<DayOpening["hours"]>;

export type PublicBranch = Wire<PublicBranchDto>;

/** The company on its own portal page (no rating: the directory card carries it). */
export type PortalCompany = Wire<PublicCompanyDto>;

export type ServiceLine = Wire<ServiceLineDto>;

export type JoinedTicket = Wire<JoinedTicketDto>;

export const listPublicCompanies = (search: string, signal?: AbortSignal) =>
  requestJson<Wire<DirectoryDto>>(
    `/api/public/companies${search ? `?search=${encodeURIComponent(search)}` : ""}`,
    { signal },
  );

export const fetchCompanyPage = (slug: string, signal?: AbortSignal) =>
  requestJson<Wire<PortalCompanyPageDto>>(`${companyApiBase(slug)}/portal`, { signal });

export const fetchBranchPage = (slug: string, branchSlug: string, signal?: AbortSignal) =>
  requestJson<Wire<PortalBranchPageDto>>(
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
    body: { ...body, language: currentLanguage() },
  });
