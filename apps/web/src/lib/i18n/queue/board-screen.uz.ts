/**
 * What the display board shows — Uzbek (Latin), the source of keys. Part of the queue texts, but loaded alone on the
 * board so the operator's and the live ticket's texts stay out of its bundle.
 */
export const uzBoardScreen = {
  counterName: "{{number}}-oyna",
  board: {
    nowCalling: "Chaqirilmoqda",
    ticket: "Talon",
    counter: "Oyna",
    noCalls: "Hozircha chaqiruv yo‘q",
    noEarlierCalls: "Oldingi chaqiruvlar shu yerda ko‘rinadi",
    waitingTitle: "Navbatda",
    people_one: "{{count}} kishi",
    people_other: "{{count}} kishi",
    offline: "Aloqa yo‘q — qayta ulanmoqda…",
    enableSound: "Ovozni yoqish",
    enableSoundHint: "Chaqiruvlar ovoz bilan e’lon qilinishi uchun bir marta bosing.",
    announcement: "{{label}} — {{counter}}",
    loadError: "Tablo ma’lumotlarini yuklab bo‘lmadi. Qayta urinilmoqda…",
  },
};
