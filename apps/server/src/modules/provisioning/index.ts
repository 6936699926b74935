// The provisioning module's entry: what other modules may use.
export { companyFields, createCompanyBody, languageSchema } from "./company-input.schema";
export type { CreateCompanyInput } from "./company-input.schema";
export { inviteEmail } from "./invite-email";
export { INVITE_VALID_DAYS, provisionCompany } from "./provision-company.command";
