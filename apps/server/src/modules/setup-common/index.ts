// The setup-common module's entry: what other modules may use.
export {
  i18nPartial,
  i18nText,
  idParams,
  languagesSchema,
  phoneSchema,
  timeZoneSchema,
  uuidOf,
} from "./fields";
export { assertBelowCap, auditChange, inTransaction, setupEnv, tablesOf } from "./setup-env";
export type { SetupEnv } from "./setup-env";
export { shortTime, timeOfDay, weeklyHoursSchema } from "./weekly-hours";
