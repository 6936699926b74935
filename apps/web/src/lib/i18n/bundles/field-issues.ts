import type { MessageBundle } from "..";
import { fieldIssuesUz } from "../field-issues/uz";

/**
 * Field problems by the server's detail code: with the faces that have forms (staff, portal);
 * the kiosk and board show no field problems and have no room in their budgets.
 */
export const fieldIssuesMessages: MessageBundle = {
  uz: { fieldIssues: fieldIssuesUz },
  ru: () => import("../field-issues/ru").then((m) => ({ fieldIssues: m.fieldIssuesRu })),
  en: () => import("../field-issues/en").then((m) => ({ fieldIssues: m.fieldIssuesEn })),
};
