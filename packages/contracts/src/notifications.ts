/** What happened that a customer is told about; each has a text per language. */
export const NOTIFICATION_TRIGGERS = [
  "TAKEN",
  "BOOKING_CONFIRMED",
  "BOOKING_RESCHEDULED",
  "BOOKING_CANCELLED",
  "REMINDER",
  "NEARLY_UP",
  "CALLED",
  "TRANSFERRED",
  "CANCELLED_BY_COMPANY",
  "NO_SHOW",
  "RATING_REQUEST",
] as const;
export type NotificationTrigger = (typeof NOTIFICATION_TRIGGERS)[number];

/** What a template may mention. `position` is the place in line ("nearly up"). */
export const TEMPLATE_PLACEHOLDERS = [
  "number",
  "counter",
  "branch",
  "service",
  "time",
  "link",
  "position",
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
