import type { SetupMessages } from "./uz";

/** Pairing and kiosk texts — English; part of `enSetup`, loaded alone on the device screens. */
export const enDeviceScreens: Pick<SetupMessages, "pairing"> = {
  pairing: {
    kind: { KIOSK: "Kiosk", DISPLAY: "Display board" },
    title: { KIOSK: "Pair this kiosk", DISPLAY: "Pair this display board" },
    instructions: "Enter the 6-digit code shown in the admin panel under “Devices”.",
    codeLabel: "Pairing code",
    submit: "Pair",
    erase: "Erase",
    clear: "Clear",
    keypad: "Number keypad",
    sixDigits: "Enter 6 digits.",
    tooManyWrong: "Too many wrong codes from this screen. Wait {{minutes}} min and try again.",
    unpaired: "This screen was unpaired or its code renewed. Get a new code in the admin panel.",
    offline: "The server cannot be reached",
  },
};

export const enPairingErrors: Pick<
  SetupMessages["errors"],
  "PAIRING_CODE_INVALID" | "PAIRING_CODE_EXPIRED" | "PAIRING_CODE_LOCKED"
> = {
  PAIRING_CODE_INVALID: "Wrong code. Check the code in the admin panel and enter it again.",
  PAIRING_CODE_EXPIRED: "The code has expired. Get a new code in the admin panel.",
  PAIRING_CODE_LOCKED: "Too many wrong tries. Get a new code in the admin panel.",
};
