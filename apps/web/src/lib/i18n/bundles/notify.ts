import type { MessageBundle } from "..";
import { notifyUz } from "../notify/uz";

/** "Follow in Telegram" on the live ticket page: loaded with that section. */
export const notifyMessages: MessageBundle = {
  uz: { notify: notifyUz },
  ru: () => import("../notify/ru").then((m) => ({ notify: m.notifyRu })),
  en: () => import("../notify/en").then((m) => ({ notify: m.notifyEn })),
};
