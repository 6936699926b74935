// The logos module's entry: what other modules may use.
export { assertLogoExists } from "./logo.service";
