/** Where a message of the notification outbox stands: waiting, sent, given up, or not sent. */
export const OUTBOX_STATUSES = ["PENDING", "SENT", "FAILED", "SKIPPED"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
