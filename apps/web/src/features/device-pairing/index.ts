export { PairingGate, type PairedDevice } from "./components/pairing-gate";
export type { DeviceKind, DeviceMe, DeviceView } from "./api/pairing.api";
