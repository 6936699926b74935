import type { MessageBundle } from "..";
import { queueUz } from "../queue/uz";

/** Queue screens: operator workplace, display board, a customer's live ticket. */
export const queueMessages: MessageBundle = {
  uz: { queue: queueUz },
  ru: () => import("../queue/ru").then((m) => ({ queue: m.queueRu })),
  en: () => import("../queue/en").then((m) => ({ queue: m.queueEn })),
};
