import { API_KEY_RATE_LIMIT, API_KEY_SCOPES } from "@equeue/contracts";
import { z } from "zod";
import { idParams } from "../setup-common";

export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);

export const createApiKeyBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name, e.g. the system that will use it.")
    .max(80, "Use at most 80 characters."),
  scopes: z
    .array(apiKeyScopeSchema)
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
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The key's public part: keys start eqk_{prefix}_"),
  scopes: z.array(apiKeyScopeSchema),
  rateLimitPerMinute: z.number().int(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const createdApiKeySchema = z.object({
  key: apiKeySchema,
  secret: z.string().describe("The whole key. Shown this once: it is stored only as a hash."),
});

export const apiKeyIdParams = idParams("API key");

export type ApiKeyDto = z.infer<typeof apiKeySchema>;
export type CreateApiKeyInput = z.infer<typeof createApiKeyBody>;
