import type { ApiKeyScope, WebhookEvent } from "@equeue/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createApiKey,
  createWebhook,
  deleteWebhook,
  listApiKeys,
  listDeliveries,
  listWebhooks,
  resendDelivery,
  revokeApiKey,
  updateWebhook,
} from "../api/integrations.api";
import { setupKeys } from "./setup-keys";

export const useApiKeys = (slug: string) =>
  useQuery({ queryKey: setupKeys.apiKeys(slug), queryFn: () => listApiKeys(slug) });

export function useApiKeyCommands(slug: string) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: setupKeys.apiKeys(slug) });
  return {
    create: useMutation({
      mutationFn: (input: { name: string; scopes: ApiKeyScope[]; rateLimitPerMinute: number }) =>
        createApiKey(slug, input),
      onSuccess: refresh,
    }),
    revoke: useMutation({ mutationFn: (id: string) => revokeApiKey(slug, id), onSuccess: refresh }),
  };
}

export const useWebhooks = (slug: string) =>
  useQuery({
    queryKey: setupKeys.webhooks(slug),
    queryFn: () => listWebhooks(slug),
    refetchInterval: 15_000,
  });

export const useDeliveries = (slug: string, id: string | null) =>
  useQuery({
    queryKey: [...setupKeys.webhooks(slug), "deliveries", id],
    queryFn: () => listDeliveries(slug, id!),
    enabled: id !== null,
    refetchInterval: 5_000,
  });

export function useWebhookCommands(slug: string) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: setupKeys.webhooks(slug) });
  return {
    create: useMutation({
      mutationFn: (input: { url: string; description: string; eventTypes: WebhookEvent[] }) =>
        createWebhook(slug, input),
      onSuccess: refresh,
    }),
    setStatus: useMutation({
      mutationFn: ({ id, status }: { id: string; status: "ACTIVE" | "PAUSED" }) =>
        updateWebhook(slug, id, { status }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => deleteWebhook(slug, id),
      onSuccess: refresh,
    }),
    resend: useMutation({
      mutationFn: ({ id, deliveryId }: { id: string; deliveryId: string }) =>
        resendDelivery(slug, id, deliveryId),
      onSuccess: refresh,
    }),
  };
}
