// The tenancy module's entry: what other modules may use.
export { companyDb } from "./company-directory";
export type { CompanyDirectory, CompanyRecord } from "./company-directory";
export { companyUrls } from "./company-urls";
export type { PlatformAddress } from "./company-urls";
export { assertNotSuspended, companySlugFromHost, findServableCompany } from "./tenancy";
export { CompanySweep, type CompanySweepOptions } from "./company-sweep";
