/** Following a ticket in Telegram from its live page (Uzbek, the source of every key). */
export const notifyUz = {
  telegramTitle: "Telegramda kuzatish",
  telegramHint: "Chaqirilganingizda va navbatingiz yaqinlashganda Telegramga xabar keladi.",
  telegramButton: "Telegramda kuzatish",
  telegramOpening: "Telegram ochilmoqda…",
  telegramFailed: "Havolani olib boʻlmadi. Birozdan soʻng qayta urinib koʻring.",
};
