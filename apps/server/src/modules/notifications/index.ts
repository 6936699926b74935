// The notifications module's entry: what other modules may use.
export { notificationsSubscriber, type NotificationOptions } from "./notifications.subscriber";
export { notificationText, smsSegments, type Trigger } from "./notification-texts";
export { smsDeliveryRoutes } from "./sms-delivery.routes";
export { telegramRoutes } from "./telegram.routes";
export { TelegramService } from "./telegram/telegram-service";
