import type { ApiKeyScope, WebhookEvent } from "@equeue/contracts";
import { adminRequest, asItems } from "./admin-request";

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  rateLimitPerMinute: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type Webhook = {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEvent[];
  status: "ACTIVE" | "PAUSED" | "DISABLED";
  pausedReason: string | null;
  consecutiveFailures: number;
  createdAt: string;
};

export type WebhookDelivery = {
  id: string;
  eventType: string;
  ticketId: string | null;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  nextAttemptAt: string;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
};

export const listApiKeys = (slug: string) =>
  adminRequest<{ items: ApiKey[] }>(slug, "/api-keys").then(asItems);

export const createApiKey = (
  slug: string,
  body: { name: string; scopes: ApiKeyScope[]; rateLimitPerMinute: number },
) => adminRequest<{ key: ApiKey; secret: string }>(slug, "/api-keys", { method: "POST", body });

export const revokeApiKey = (slug: string, id: string) =>
  adminRequest<ApiKey>(slug, `/api-keys/${id}/revoke`, { method: "POST" });

export const listWebhooks = (slug: string) =>
  adminRequest<{ items: Webhook[] }>(slug, "/webhooks").then(asItems);

export const createWebhook = (
  slug: string,
  body: { url: string; description: string; eventTypes: WebhookEvent[] },
) =>
  adminRequest<{ endpoint: Webhook; secret: string }>(slug, "/webhooks", { method: "POST", body });

export const updateWebhook = (
  slug: string,
  id: string,
  body: Partial<{ url: string; eventTypes: WebhookEvent[]; status: "ACTIVE" | "PAUSED" }>,
) => adminRequest<Webhook>(slug, `/webhooks/${id}`, { method: "PATCH", body });

export const deleteWebhook = (slug: string, id: string) =>
  adminRequest<void>(slug, `/webhooks/${id}`, { method: "DELETE" });

export const listDeliveries = (slug: string, id: string) =>
  adminRequest<{ items: WebhookDelivery[] }>(slug, `/webhooks/${id}/deliveries`).then(asItems);

export const resendDelivery = (slug: string, id: string, deliveryId: string) =>
  adminRequest<WebhookDelivery>(slug, `/webhooks/${id}/deliveries/${deliveryId}/resend`, {
    method: "POST",
  });
