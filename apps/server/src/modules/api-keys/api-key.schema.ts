import type { createApiKeyBody } from "@equeue/contracts/schemas";
import type { z } from "zod";
import { idParams } from "../setup-common";

// The body and answers are a contract with the admin panel: defined once in @equeue/contracts.
export {
  apiKeySchema,
  apiKeyScopeSchema,
  createApiKeyBody,
  createdApiKeySchema,
  type ApiKeyDto,
} from "@equeue/contracts/schemas";

export const apiKeyIdParams = idParams("API key");

export type CreateApiKeyInput = z.infer<typeof createApiKeyBody>;
