import type { SetupMessages } from "./uz";

/** Pairing and kiosk texts — Russian; part of `ruSetup`, loaded alone on the device screens. */
export const ruDeviceScreens: Pick<SetupMessages, "pairing"> = {
  pairing: {
    kind: { KIOSK: "Киоск", DISPLAY: "Табло" },
    title: { KIOSK: "Подключение киоска", DISPLAY: "Подключение табло" },
    instructions: "Введите 6-значный код, показанный в админ-панели в разделе «Устройства».",
    codeLabel: "Код подключения",
    submit: "Подключить",
    erase: "Стереть",
    clear: "Сброс",
    keypad: "Цифровая клавиатура",
    sixDigits: "Введите 6 цифр.",
    tooManyWrong:
      "Слишком много неверных кодов с этого экрана. Подождите {{minutes}} мин. и попробуйте снова.",
    unpaired: "Этот экран отключён или его код обновлён. Получите новый код в админ-панели.",
    offline: "Нет связи с сервером",
  },
};

export const ruPairingErrors: Pick<
  SetupMessages["errors"],
  "PAIRING_CODE_INVALID" | "PAIRING_CODE_EXPIRED" | "PAIRING_CODE_LOCKED"
> = {
  PAIRING_CODE_INVALID: "Неверный код. Проверьте код в админ-панели и введите снова.",
  PAIRING_CODE_EXPIRED: "Срок действия кода истёк. Получите новый код в админ-панели.",
  PAIRING_CODE_LOCKED: "Слишком много неверных попыток. Получите новый код в админ-панели.",
};
