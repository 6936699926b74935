import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { staffCaller } from "../access";
import { setupEnv } from "../setup-common";
import {
  notificationSettingsSchema,
  previewBody,
  previewSchema,
  updateNotificationSettingsBody,
} from "./notification-settings.schema";
import {
  getNotificationSettings,
  previewNotification,
  updateNotificationSettings,
} from "./notification-settings.service";

const tags = ["company admin: notifications"];

/**
 * The company's notification texts (per trigger, per language; empty = the default), booking
 * reminders and quiet hours, and a preview with the SMS size. Mounted at /api/c/:slug/admin.
 */
export const notificationSettingsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx, { roles: ["COMPANY_ADMIN"] }));

    app.get(
      "/notification-settings",
      {
        schema: {
          tags,
          summary: "Notification texts (own and default), reminders and quiet hours",
          response: { 200: notificationSettingsSchema },
        },
      },
      async (request) => getNotificationSettings(setupEnv(ctx, request)),
    );

    app.put(
      "/notification-settings",
      {
        schema: {
          tags,
          summary: "Set the company's texts (replacing them), reminders or quiet hours",
          body: updateNotificationSettingsBody,
          response: { 200: notificationSettingsSchema },
        },
      },
      async (request) => updateNotificationSettings(setupEnv(ctx, request), request.body),
    );

    app.post(
      "/notification-settings/preview",
      {
        schema: {
          tags,
          summary: "A text with sample values, as an SMS sends it, with its segment count",
          body: previewBody,
          response: { 200: previewSchema },
        },
      },
      async (request) => previewNotification(setupEnv(ctx, request), request.body),
    );
  };
