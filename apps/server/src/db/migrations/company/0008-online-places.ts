import type { Migration } from "../migration";

/**
 * One open place per phone number in a line taken online: a customer who taps "take a place"
 * twice, or a script that tries to fill a queue with one number, gets the database's refusal,
 * not a second ticket (a check-then-insert would race).
 */
export const companyOnlinePlaces: Migration = {
  version: 8,
  name: "online-places",
  statements: (s) => [
    `create unique index tickets_online_phone_open on ${s}.tickets (branch_id, service_id, customer_phone)
       where source = 'ONLINE' and customer_phone is not null and status in ('WAITING','CALLED','SERVING')`,
  ],
};
