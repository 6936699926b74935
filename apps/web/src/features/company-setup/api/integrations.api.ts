import type {
  ApiKeyDto,
  CreateApiKeyInput,
  CreatedApiKeyDto,
  CreatedWebhookDto,
  CreateWebhookInput,
  UpdateWebhookInput,
  WebhookDeliveryDto,
  WebhookDto,
  Wire,
} from "@equeue/contracts";
import { adminRequest, asItems } from "./admin-request";

export type ApiKey = Wire<ApiKeyDto>;
export type Webhook = Wire<WebhookDto>;
export type WebhookDelivery = Wire<WebhookDeliveryDto>;

export const listApiKeys = (slug: string) =>
  adminRequest<{ items: ApiKey[] }>(slug, "/api-keys").then(asItems);

export const createApiKey = (slug: string, body: CreateApiKeyInput) =>
  adminRequest<Wire<CreatedApiKeyDto>>(slug, "/api-keys", { method: "POST", body });

export const revokeApiKey = (slug: string, id: string) =>
  adminRequest<ApiKey>(slug, `/api-keys/${id}/revoke`, { method: "POST" });

export const listWebhooks = (slug: string) =>
  adminRequest<{ items: Webhook[] }>(slug, "/webhooks").then(asItems);

export const createWebhook = (slug: string, body: CreateWebhookInput) =>
  adminRequest<Wire<CreatedWebhookDto>>(slug, "/webhooks", { method: "POST", body });

export const updateWebhook = (slug: string, id: string, body: UpdateWebhookInput) =>
  adminRequest<Webhook>(slug, `/webhooks/${id}`, { method: "PATCH", body });

export const deleteWebhook = (slug: string, id: string) =>
  adminRequest<void>(slug, `/webhooks/${id}`, { method: "DELETE" });

export const listDeliveries = (slug: string, id: string) =>
  adminRequest<{ items: WebhookDelivery[] }>(slug, `/webhooks/${id}/deliveries`).then(asItems);

export const resendDelivery = (slug: string, id: string, deliveryId: string) =>
  adminRequest<WebhookDelivery>(slug, `/webhooks/${id}/deliveries/${deliveryId}/resend`, {
    method: "POST",
  });
