// The company-setup module's entry: what other modules may use.
export { findBranding } from "./branding.repository";
