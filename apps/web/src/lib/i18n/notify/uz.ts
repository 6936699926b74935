/** Following a ticket in Telegram or by web push from its live page (Uzbek, the source of every key). */
export const notifyUz = {
  telegramTitle: "Telegramda kuzatish",
  telegramHint: "Chaqirilganingizda va navbatingiz yaqinlashganda Telegramga xabar keladi.",
  telegramButton: "Telegramda kuzatish",
  telegramOpening: "Telegram ochilmoqda…",
  telegramFailed: "Havolani olib boʻlmadi. Birozdan soʻng qayta urinib koʻring.",
  pushTitle: "Shu telefonga xabar",
  pushHint: "Chaqirilganingizda va navbatingiz yaqinlashganda telefoningizga bildirishnoma keladi.",
  pushButton: "Shu telefonga xabar bering",
  pushWorking: "Ulanmoqda…",
  pushOn: "Bu telefon navbatingizni kuzatyapti.",
  pushStop: "Xabarlarni oʻchirish",
  pushDenied: "Bildirishnomalarga ruxsat berilmadi. Brauzer sozlamalarida ruxsat bering.",
  pushFailed: "Ulab boʻlmadi. Birozdan soʻng qayta urinib koʻring.",
  channelsTitle: "Xabarlar qayerga keladi",
  channel: { sms: "SMS", telegram: "Telegram", push: "Shu telefondagi bildirishnoma" },
  channelsHint:
    "Telegram yoki bildirishnoma 60 soniyada yetib bormasa, SMS yuboriladi (SMS yoqilgan boʻlsa).",
};
