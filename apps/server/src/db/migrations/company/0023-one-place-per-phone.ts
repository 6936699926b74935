import type { Migration } from "../migration";

/**
 * One open place per phone number in a line, whoever the customer took it through: the portal
 * (ONLINE) or the company's own app or CRM over the public API (API). The rule first covered
 * the portal only, so the API gave one phone as many places as it was asked for, and one more
 * on the portal. Where today's tickets already break the rule the index cannot be built: the
 * company is then left on the portal-only rule (`migration_error` says why) and the next start
 * tries again, once the day's tickets are over; the code knows both names.
 */
export const companyOnePlacePerPhone: Migration = {
  version: 23,
  name: "one-place-per-phone",
  statements: (s) => [
    `create unique index tickets_phone_open on ${s}.tickets (branch_id, service_id, customer_phone)
       where source in ('ONLINE','API') and customer_phone is not null
         and status in ('WAITING','CALLED','SERVING')`,
    `drop index ${s}.tickets_online_phone_open`,
  ],
};
