import { adminRequest } from "./admin-request";

export type Lang = "uz" | "ru" | "en";
export type TemplateRow = {
  trigger: string;
  defaults: Record<Lang, string>;
  custom: Record<Lang, string | null>;
};
export type NotificationSettings = {
  placeholders: string[];
  templates: TemplateRow[];
  reminders: { dayBeforeAt: string | null; minutesBefore: number | null };
  quietHours: { from: string; to: string } | null;
};
export type NotificationSettingsInput = {
  templates?: Record<string, Partial<Record<Lang, string>>>;
  reminders?: NotificationSettings["reminders"];
  quietHours?: NotificationSettings["quietHours"];
};

export const getNotificationSettings = (slug: string) =>
  adminRequest<NotificationSettings>(slug, "/notification-settings");

export const saveNotificationSettings = (slug: string, body: NotificationSettingsInput) =>
  adminRequest<NotificationSettings>(slug, "/notification-settings", { method: "PUT", body });
