import type { MessageBundle } from "..";
import { uzKioskScreen } from "../kiosk/kiosk-screen.uz";

/** The virtual kiosk's texts (service choice, ticket, receipt); only the kiosk loads them. */
export const kioskScreenMessages: MessageBundle = {
  uz: { kiosk: uzKioskScreen },
  ru: () => import("../kiosk/kiosk-screen.ru").then((m) => ({ kiosk: m.ruKioskScreen })),
  en: () => import("../kiosk/kiosk-screen.en").then((m) => ({ kiosk: m.enKioskScreen })),
};
