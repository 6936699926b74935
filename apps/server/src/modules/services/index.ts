// The services module's entry: what other modules may use.
export { findExistingBranchIds, findExistingServiceIds } from "./service.repository";
