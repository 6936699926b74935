// The branches module's entry: what other modules may use.
export { findBranch } from "./branch.repository";
export { getBranch } from "./branch.service";
