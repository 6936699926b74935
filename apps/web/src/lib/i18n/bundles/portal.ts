import type { MessageBundle } from "..";
import { uzPortal } from "../portal/uz";

/** The public portal: company directory, branch pages, joining a queue. */
export const portalMessages: MessageBundle = {
  uz: uzPortal,
  ru: () => import("../portal/ru").then((m) => m.ruPortal),
  en: () => import("../portal/en").then((m) => m.enPortal),
};
