import type { MessageBundle } from "..";
import { reportsUz } from "../reports/uz";

/** The dashboard and reports pages: loaded with their lazy route. */
export const reportsMessages: MessageBundle = {
  uz: { reports: reportsUz },
  ru: () => import("../reports/ru").then((m) => ({ reports: m.reportsRu })),
  en: () => import("../reports/en").then((m) => ({ reports: m.reportsEn })),
};
