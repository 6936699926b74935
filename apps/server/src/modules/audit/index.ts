// The audit module's entry: what other modules may use.
export { recordAudit } from "./audit.repository";
