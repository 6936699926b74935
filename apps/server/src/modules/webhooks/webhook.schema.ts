import { z } from "zod";
import type { createWebhookBody, updateWebhookBody } from "@equeue/contracts/schemas";
import { idParams, uuidOf } from "../setup-common";

// The bodies and answers are a contract with the admin panel: defined once in @equeue/contracts.
export {
  createdWebhookSchema,
  createWebhookBody,
  deliverySchema,
  updateWebhookBody,
  webhookSchema,
} from "@equeue/contracts/schemas";

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
