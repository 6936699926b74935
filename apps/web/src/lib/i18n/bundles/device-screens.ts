import type { MessageBundle } from "..";
import { enDeviceScreens, enPairingErrors } from "../setup/device-screens.en";
import { ruDeviceScreens, ruPairingErrors } from "../setup/device-screens.ru";
import { uzDeviceScreens, uzPairingErrors } from "../setup/device-screens.uz";

/** Pairing and kiosk texts, without the rest of the admin panel's set-up texts. */
export const deviceScreenMessages: MessageBundle = {
  uz: { setup: { ...uzDeviceScreens, errors: uzPairingErrors } },
  ru: { setup: { ...ruDeviceScreens, errors: ruPairingErrors } },
  en: { setup: { ...enDeviceScreens, errors: enPairingErrors } },
};
