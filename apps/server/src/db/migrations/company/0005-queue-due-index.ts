import type { Migration } from "../migration";

/** Call-next finds checked-in appointments that are due now without scanning the whole line. */
export const companyQueueDueIndex: Migration = {
  version: 5,
  name: "queue-due-index",
  statements: (s) => [
    `create index tickets_due on ${s}.tickets (branch_id, appointment_at) where status = 'WAITING' and appointment_at is not null`,
  ],
};
