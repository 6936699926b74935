import type { Messages } from "../uz";

export const notifyEn: Messages["notify"] = {
  telegramTitle: "Follow in Telegram",
  telegramHint: "We will message you in Telegram when you are called and when your turn is near.",
  telegramButton: "Follow in Telegram",
  telegramOpening: "Opening Telegram…",
  telegramFailed: "Could not get the link. Please try again in a moment.",
};
