// The outbox module's entry: what other modules may use.
export { enqueueEmail, enqueueMessage, recordDelivery } from "./outbox.repository";
export {
  enqueueNotification,
  enqueueNotifications,
  skipUnsent,
  type OutgoingNotification,
  type Skip,
} from "./outbox-notifications.repository";
export { toGsmFriendly } from "./sms-transport";
export {
  NotStartedError,
  PermanentError,
  PRIORITY_RANK,
  RetryAfterError,
  type SendPriority,
  type Transport,
} from "./transport";
export type { AttachmentResolver } from "./outbox.worker";
