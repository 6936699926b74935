import type { Messages } from "../uz";

export const notifyEn: Messages["notify"] = {
  telegramTitle: "Follow in Telegram",
  telegramHint: "We will message you in Telegram when you are called and when your turn is near.",
  telegramButton: "Follow in Telegram",
  telegramOpening: "Opening Telegram…",
  telegramFailed: "Could not get the link. Please try again in a moment.",
  pushTitle: "Notifications on this phone",
  pushHint: "We will notify this phone when you are called and when your turn is near.",
  pushButton: "Notify me on this phone",
  pushWorking: "Connecting…",
  pushOn: "This phone follows your ticket.",
  pushStop: "Turn notifications off",
  pushDenied: "Notifications are blocked. Allow them in the browser's settings.",
  pushFailed: "Could not connect. Please try again in a moment.",
  channelsTitle: "Where messages go",
  channel: { sms: "SMS", telegram: "Telegram", push: "Notifications on this phone" },
  channelsHint:
    "If Telegram or a notification is not delivered within 60 seconds, an SMS goes instead (when SMS is on).",
};
