// The company-auth module's entry: what other modules may use.
export { companyScope } from "./company-auth.routes";
