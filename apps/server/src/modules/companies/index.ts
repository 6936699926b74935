// The companies module's entry: what other modules may use.
export { logoUrl } from "./company.mapper";
export { listActiveCompanies } from "./company.repository";
