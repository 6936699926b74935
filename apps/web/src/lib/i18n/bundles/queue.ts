import type { MessageBundle } from "..";
import { queueUz } from "../queue/uz";

/** Queue screens: operator workplace, a customer's live ticket (and the board's texts). */
export const queueMessages: MessageBundle = {
  uz: { queue: queueUz },
  ru: () => import("../queue/ru").then((m) => ({ queue: m.queueRu })),
  en: () => import("../queue/en").then((m) => ({ queue: m.queueEn })),
};
