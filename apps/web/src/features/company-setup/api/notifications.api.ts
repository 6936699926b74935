import type { NotificationSettingsDto, NotificationTrigger, Wire } from "@equeue/contracts";
import { adminRequest } from "./admin-request";

export type Lang = "uz" | "ru" | "en";
export type NotificationSettings = Wire<NotificationSettingsDto>;
export type TemplateRow = NotificationSettings["templates"][number];
export type NotificationSettingsInput = {
  templates?: Partial<Record<NotificationTrigger, Partial<Record<Lang, string>>>>;
  reminders?: NotificationSettings["reminders"];
  quietHours?: NotificationSettings["quietHours"];
};

export const getNotificationSettings = (slug: string) =>
  adminRequest<NotificationSettings>(slug, "/notification-settings");

export const saveNotificationSettings = (slug: string, body: NotificationSettingsInput) =>
  adminRequest<NotificationSettings>(slug, "/notification-settings", { method: "PUT", body });
