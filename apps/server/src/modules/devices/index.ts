// The devices module's entry: what other modules may use.
export { effectiveSettings, servicesShown } from "./device-settings";
export { findDevice } from "./device.repository";
export type { KioskSettings } from "./device.schema";
