import type { Migration } from "../migration";

/**
 * Tickets taken through the public API by a company's own systems (its CRM, its mobile app) get
 * their own source, API, so reports and the operator's lists tell them from the portal's.
 */
export const companyApiSource: Migration = {
  version: 20,
  name: "api-source",
  statements: (s) => [
    `alter table ${s}.tickets drop constraint if exists tickets_source_check`,
    `alter table ${s}.tickets add constraint tickets_source_check
      check (source in ('ONLINE','KIOSK','WALK_IN','API'))`,
  ],
};
