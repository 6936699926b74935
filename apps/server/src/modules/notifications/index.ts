// The notifications module's entry: what other modules may use (its routes are mounted by app.ts).
export { notificationsSubscriber, type NotificationOptions } from "./notifications.subscriber";
export { CompanyTextsCache } from "./company-texts";
export { notificationText, smsSegments, type Trigger } from "./notification-texts";
export { TelegramService } from "./telegram/telegram-service";
export { pushTransport, type PushPayload } from "./push/push-transport";
export { resolveVapidKeys, type VapidKeys } from "./push/vapid-keys";
export {
  checkWaitTargets,
  notificationSweep,
  sendDueReminders,
  type SweepDeps,
} from "./notification-sweep";
export { awaitIndexed } from "./ticket-by-token";
