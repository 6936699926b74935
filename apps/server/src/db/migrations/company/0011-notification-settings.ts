import type { Migration } from "../migration";

/**
 * Per service, the place in line at which a waiting customer is told "you are nearly up"; per
 * ticket, the language its customer took it in (their notifications speak it).
 */
export const companyNotificationSettings: Migration = {
  version: 11,
  name: "notification-settings",
  statements: (s) => [
    `alter table ${s}.services add column nearly_up_position integer not null default 3
      constraint services_nearly_up_position_check check (nearly_up_position between 0 and 50)`,
    `alter table ${s}.tickets add column language text
      constraint tickets_language_check check (language in ('uz','ru','en'))`,
  ],
};
