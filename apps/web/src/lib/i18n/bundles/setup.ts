import type { MessageBundle } from "..";
import { uzSetup } from "../setup/uz";

/** The company admin panel (set-up, staff, devices); staff pages only. */
export const setupMessages: MessageBundle = {
  uz: { setup: uzSetup },
  ru: () => import("../setup/ru").then((m) => ({ setup: m.ruSetup })),
  en: () => import("../setup/en").then((m) => ({ setup: m.enSetup })),
};
