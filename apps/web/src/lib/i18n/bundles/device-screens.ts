import type { MessageBundle } from "..";
import { uzDeviceScreens, uzPairingErrors } from "../setup/device-screens.uz";

/** Pairing and kiosk texts, without the rest of the admin panel's set-up texts. */
export const deviceScreenMessages: MessageBundle = {
  uz: { setup: { ...uzDeviceScreens, errors: uzPairingErrors } },
  ru: () =>
    import("../setup/device-screens.ru").then((m) => ({
      setup: { ...m.ruDeviceScreens, errors: m.ruPairingErrors },
    })),
  en: () =>
    import("../setup/device-screens.en").then((m) => ({
      setup: { ...m.enDeviceScreens, errors: m.enPairingErrors },
    })),
};
