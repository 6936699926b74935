import type { MessageBundle } from "..";
import { reportsUz } from "../reports/uz";

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** Shape of the dashboard and reports texts in every language. */
export type ReportsMessages = Widen<typeof reportsUz>;

/** The dashboard and reports pages: loaded with their lazy route. */
export const reportsMessages: MessageBundle = {
  uz: { reports: reportsUz },
  ru: () => import("../reports/ru").then((m) => ({ reports: m.reportsRu })),
  en: () => import("../reports/en").then((m) => ({ reports: m.reportsEn })),
};
