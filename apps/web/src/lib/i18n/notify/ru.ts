import type { Messages } from "../uz";

export const notifyRu: Messages["notify"] = {
  telegramTitle: "Следить в Telegram",
  telegramHint: "Сообщим в Telegram, когда вас вызовут и когда очередь будет близко.",
  telegramButton: "Следить в Telegram",
  telegramOpening: "Открываем Telegram…",
  telegramFailed: "Не удалось получить ссылку. Попробуйте чуть позже.",
  pushTitle: "Уведомления на этот телефон",
  pushHint: "Пришлём уведомление, когда вас вызовут и когда очередь будет близко.",
  pushButton: "Уведомлять на этом телефоне",
  pushWorking: "Подключаем…",
  pushOn: "Этот телефон следит за вашим талоном.",
  pushStop: "Отключить уведомления",
  pushDenied: "Уведомления запрещены. Разрешите их в настройках браузера.",
  pushFailed: "Не удалось подключить. Попробуйте чуть позже.",
  channelsTitle: "Куда присылать сообщения",
  channel: { sms: "SMS", telegram: "Telegram", push: "Уведомления на этом телефоне" },
  channelsHint:
    "Если Telegram или уведомление не дойдёт за 60 секунд, придёт SMS (если SMS включены).",
};
