import type { Migration } from "../migration";

/** Per service, the place in line at which a waiting customer is told "you are nearly up". */
export const companyServiceNotifyPosition: Migration = {
  version: 11,
  name: "service-notify-position",
  statements: (s) => [
    `alter table ${s}.services add column nearly_up_position integer not null default 3
      check (nearly_up_position between 0 and 50)`,
  ],
};
