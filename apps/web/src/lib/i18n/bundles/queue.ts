import type { MessageBundle } from "..";
import { queueEn } from "../queue/en";
import { queueRu } from "../queue/ru";
import { queueUz } from "../queue/uz";

/** Queue screens: operator workplace, display board, a customer's live ticket. */
export const queueMessages: MessageBundle = {
  uz: { queue: queueUz },
  ru: { queue: queueRu },
  en: { queue: queueEn },
};
