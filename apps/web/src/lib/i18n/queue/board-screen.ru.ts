import type { Messages } from "../uz";

/**
 * What the display board shows — Russian. Part of the queue texts, but loaded alone on the
 * board so the operator's and the live ticket's texts stay out of its bundle.
 */
export const ruBoardScreen: Pick<Messages["queue"], "counterName" | "board"> = {
  counterName: "Окно {{number}}",
  board: {
    nowCalling: "Вызывается",
    ticket: "Талон",
    counter: "Окно",
    noCalls: "Вызовов пока нет",
    noEarlierCalls: "Здесь появятся предыдущие вызовы",
    waitingTitle: "В очереди",
    people_one: "{{count}} человек",
    people_few: "{{count}} человека",
    people_many: "{{count}} человек",
    people_other: "{{count}} человека",
    offline: "Нет связи — переподключение…",
    enableSound: "Включить звук",
    enableSoundHint: "Нажмите один раз, чтобы вызовы объявлялись голосом.",
    announcement: "{{label}} — {{counter}}",
    loadError: "Не удалось загрузить данные табло. Повторяем…",
  },
};
