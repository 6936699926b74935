// The setup-common module's entry: what other modules may use.
export {
  i18nOut,
  i18nPartial,
  i18nPartialOut,
  i18nText,
  idParams,
  languagesSchema,
  phoneSchema,
  timeZoneSchema,
  uuidOf,
} from "./fields";
export { auditChange, inTransaction, setupEnv, tablesOf } from "./setup-env";
export type { SetupEnv } from "./setup-env";
export { shortTime, timeOfDay, weeklyHoursOut, weeklyHoursSchema } from "./weekly-hours";
