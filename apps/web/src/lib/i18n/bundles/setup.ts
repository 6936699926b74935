import type { MessageBundle } from "..";
import { enSetup } from "../setup/en";
import { ruSetup } from "../setup/ru";
import { uzSetup } from "../setup/uz";

/** The company admin panel (set-up, staff, devices); staff pages only. */
export const setupMessages: MessageBundle = {
  uz: { setup: uzSetup },
  ru: { setup: ruSetup },
  en: { setup: enSetup },
};
