import type { MessageBundle } from "..";
import { uzStaff } from "../staff/uz";

/** The super admin panel, password change and company statuses; staff pages only. */
export const staffMessages: MessageBundle = {
  uz: uzStaff,
  ru: () => import("../staff/ru").then((m) => m.ruStaff),
  en: () => import("../staff/en").then((m) => m.enStaff),
};
