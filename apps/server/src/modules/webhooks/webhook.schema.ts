import { WEBHOOK_EVENTS } from "@equeue/contracts";
import { z } from "zod";
import { idParams, uuidOf } from "../setup-common";

const urlField = z
  .url({ protocol: /^https?$/, error: "Write the address as https://… (or http://…)." })
  .max(2000, "Use an address of at most 2000 characters.");
const eventTypes = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENTS.length)
  .transform((list) => [...new Set(list)]);
const description = z.string().trim().max(200, "Use at most 200 characters.");

export const createWebhookBody = z.strictObject({
  url: urlField,
  description: description.default(""),
  eventTypes,
});

export const updateWebhookBody = z.strictObject({
  url: urlField.optional(),
  description: description.optional(),
  eventTypes: eventTypes.optional(),
  /** PAUSED stops deliveries; ACTIVE resumes them (and forgets past failures). */
  status: z.enum(["ACTIVE", "PAUSED"]).optional(),
});

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENTS)),
  status: z.enum(["ACTIVE", "PAUSED", "DISABLED"]),
  pausedReason: z
    .string()
    .nullable()
    .describe("The error that paused it after repeated failures; null when an admin paused it"),
  consecutiveFailures: z.number(),
  createdAt: z.date(),
});

export const createdWebhookSchema = z.object({
  endpoint: webhookSchema,
  secret: z.string().describe("The signing secret (HMAC-SHA256). Shown this once."),
});

export const deliverySchema = z.object({
  id: z.string(),
  eventType: z.string(),
  ticketId: z.string().nullable(),
  status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
  attempts: z.number(),
  nextAttemptAt: z.date(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  deliveredAt: z.date().nullable(),
});

export const webhookIdParams = idParams("webhook");
export const deliveryParams = z.object({
  slug: z.string(),
  id: uuidOf("webhook"),
  deliveryId: z
    .string()
    .max(18)
    .regex(/^\d{1,18}$/, "This is not a delivery id."),
});

export type CreateWebhookInput = z.infer<typeof createWebhookBody>;
export type UpdateWebhookInput = z.infer<typeof updateWebhookBody>;
