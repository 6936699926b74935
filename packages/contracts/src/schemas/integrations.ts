import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { API_KEY_RATE_LIMIT, API_KEY_SCOPES, WEBHOOK_EVENTS } from "../integrations";
import { TEXT_MAX } from "./answer-text";

/** A company admin's integrations: API keys and webhook endpoints, with their deliveries. */

export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);

export const createApiKeyBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name, e.g. the system that will use it.")
    .max(80, "Use at most 80 characters."),
  scopes: listOf(LIST_MAX.scopes, apiKeyScopeSchema)
    .min(1, "Choose at least one thing the key may do.")
    .max(API_KEY_SCOPES.length)
    .transform((list) => [...new Set(list)]),
  rateLimitPerMinute: z
    .number()
    .int()
    .min(API_KEY_RATE_LIMIT.min, `Use ${API_KEY_RATE_LIMIT.min} to ${API_KEY_RATE_LIMIT.max}.`)
    .max(API_KEY_RATE_LIMIT.max, `Use ${API_KEY_RATE_LIMIT.min} to ${API_KEY_RATE_LIMIT.max}.`)
    .default(API_KEY_RATE_LIMIT.default),
});

export const apiKeySchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  name: z.string().max(TEXT_MAX.name),
  prefix: z.string().max(TEXT_MAX.word).describe("The key's public part: keys start eqk_{prefix}_"),
  scopes: listOf(LIST_MAX.scopes, apiKeyScopeSchema),
  rateLimitPerMinute: z.number().int(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const createdApiKeySchema = z.object({
  key: apiKeySchema,
  secret: z
    .string()
    .max(TEXT_MAX.secret)
    .describe("The whole key. Shown this once: it is stored only as a hash."),
});

export type ApiKeyDto = z.infer<typeof apiKeySchema>;
export type CreatedApiKeyDto = z.infer<typeof createdApiKeySchema>;
export type CreateApiKeyInput = z.input<typeof createApiKeyBody>;

const urlField = z
  .url({ protocol: /^https?$/, error: "Write the address as https://… (or http://…)." })
  .max(2000, "Use an address of at most 2000 characters.")
  // The authority's port, when it is zero (contracts run without the URL global's types).
  .refine((u) => !/^https?:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):0+(?=[/?#]|$)/i.test(u), {
    message: "Port 0 is not a port a server listens on; give the real one, or none.",
  });
export const webhookEventsSchema = z.enum(WEBHOOK_EVENTS);
const eventTypes = z
  .array(webhookEventsSchema)
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
  id: z.string().max(TEXT_MAX.id),
  url: z.string().max(TEXT_MAX.url),
  description: z.string().max(TEXT_MAX.description),
  eventTypes: listOf(LIST_MAX.events, webhookEventsSchema),
  status: z.enum(["ACTIVE", "PAUSED", "DISABLED"]),
  pausedReason: z
    .string()
    .max(TEXT_MAX.error)
    .nullable()
    .describe("The error that paused it after repeated failures; null when an admin paused it"),
  consecutiveFailures: z.number(),
  createdAt: z.date(),
});

export const createdWebhookSchema = z.object({
  endpoint: webhookSchema,
  secret: z
    .string()
    .max(TEXT_MAX.secret)
    .describe("The signing secret (HMAC-SHA256). Shown this once."),
});

export const deliverySchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  eventType: z.string().max(TEXT_MAX.word),
  ticketId: z.string().max(TEXT_MAX.id).nullable(),
  status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
  attempts: z.number(),
  nextAttemptAt: z.date(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().max(TEXT_MAX.error).nullable(),
  createdAt: z.date(),
  deliveredAt: z.date().nullable(),
});

export type WebhookDto = z.infer<typeof webhookSchema>;
export type CreatedWebhookDto = z.infer<typeof createdWebhookSchema>;
export type WebhookDeliveryDto = z.infer<typeof deliverySchema>;
export type CreateWebhookInput = z.input<typeof createWebhookBody>;
export type UpdateWebhookInput = z.input<typeof updateWebhookBody>;
