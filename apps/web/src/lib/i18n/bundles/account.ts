import type { MessageBundle } from "..";
import { accountUz } from "../account/uz";

/** Signing in with an SMS code and "my tickets": loaded with those pages (and the ticket's QR). */
export const accountMessages: MessageBundle = {
  uz: { account: accountUz },
  ru: () => import("../account/ru").then((m) => ({ account: m.accountRu })),
  en: () => import("../account/en").then((m) => ({ account: m.accountEn })),
};
