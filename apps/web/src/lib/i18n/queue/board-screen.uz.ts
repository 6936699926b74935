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
    noCalls: "Hozircha chaqiruv yoʻq",
    noEarlierCalls: "Oldingi chaqiruvlar shu yerda koʻrinadi",
    waitingTitle: "Navbatda",
    people_one: "{{count}} kishi",
    people_other: "{{count}} kishi",
    offline: "Aloqa yoʻq — qayta ulanmoqda…",
    enableSound: "Ovozni yoqish",
    enableSoundHint: "Chaqiruvlar ovoz bilan eʼlon qilinishi uchun bir marta bosing.",
    announcement: "{{label}} — {{counter}}",
    loadError: "Tablo maʼlumotlarini yuklab boʻlmadi. Qayta urinilmoqda…",
  },
};
