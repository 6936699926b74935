/**
 * What a kiosk and a display board show before and around their work: pairing and the kiosk's
 * own texts — Uzbek (Latin), the source of keys. Part of `setup`, but loaded alone on the
 * device screens so the admin panel's texts stay out of their bundles.
 */
export const uzDeviceScreens = {
  pairing: {
    kind: { KIOSK: "Kiosk", DISPLAY: "Tablo" },
    title: { KIOSK: "Kioskni ulash", DISPLAY: "Tabloni ulash" },
    instructions: "Boshqaruv panelida «Qurilmalar» boʻlimida koʻrsatilgan 6 xonali kodni kiriting.",
    codeLabel: "Ulash kodi",
    submit: "Ulash",
    erase: "Oʻchirish",
    clear: "Tozalash",
    keypad: "Raqamlar klaviaturasi",
    sixDigits: "6 ta raqam kiriting.",
    tooManyWrong:
      "Bu ekrandan juda koʻp notoʻgʻri kod kiritildi. {{minutes}} daqiqa kutib, qayta urinib koʻring.",
    unpaired: "Bu ekran ajratildi yoki kodi yangilandi. Boshqaruv panelidan yangi kod oling.",
    offline: "Server bilan aloqa yoʻq",
  },
};

export const uzPairingErrors = {
  PAIRING_CODE_INVALID: "Kod notoʻgʻri. Boshqaruv panelidagi kodni tekshirib, qayta kiriting.",
  PAIRING_CODE_EXPIRED: "Kod muddati tugagan. Boshqaruv panelida yangi kod oling.",
  PAIRING_CODE_LOCKED: "Juda koʻp notoʻgʻri urinish. Boshqaruv panelida yangi kod oling.",
};
