import type { Messages } from "../uz";

export const notifyRu: Messages["notify"] = {
  telegramTitle: "Следить в Telegram",
  telegramHint: "Сообщим в Telegram, когда вас вызовут и когда очередь будет близко.",
  telegramButton: "Следить в Telegram",
  telegramOpening: "Открываем Telegram…",
  telegramFailed: "Не удалось получить ссылку. Попробуйте чуть позже.",
};
