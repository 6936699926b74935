import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { staffCaller } from "../access";
import { setupEnv } from "../setup-common";
import {
  createWebhookBody,
  createdWebhookSchema,
  deliveryParams,
  deliverySchema,
  updateWebhookBody,
  webhookIdParams,
  webhookSchema,
} from "./webhook.schema";
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  resendDelivery,
  updateWebhook,
} from "./webhook.service";
import { LIST_MAX, listOf } from "@equeue/contracts/schemas";

const tags = ["company admin: webhooks"];

/** The company's webhook endpoints and their delivery log. Company admins only. */
export const webhookRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx, { roles: ["COMPANY_ADMIN"] }));
    const env = (request: Parameters<typeof setupEnv>[1]) => setupEnv(ctx, request);

    app.get(
      "/webhooks",
      {
        schema: {
          tags,
          summary: "Webhook endpoints, with their events and state",
          response: { 200: z.object({ items: listOf(LIST_MAX.webhooks, webhookSchema) }) },
        },
      },
      async (request) => ({ items: await listWebhooks(env(request)) }),
    );
    app.post(
      "/webhooks",
      {
        schema: {
          tags,
          summary: "Add an endpoint; the answer shows its signing secret this one time",
          body: createWebhookBody,
          response: { 201: createdWebhookSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createWebhook(env(request), request.body)),
    );
    app.patch(
      "/webhooks/:id",
      {
        schema: {
          tags,
          summary: "Change an endpoint's address or events, pause or resume it",
          params: webhookIdParams,
          body: updateWebhookBody,
          response: { 200: webhookSchema },
        },
      },
      async (request) => updateWebhook(env(request), request.params.id, request.body),
    );
    app.delete(
      "/webhooks/:id",
      { schema: { tags, summary: "Remove an endpoint (and its log)", params: webhookIdParams } },
      async (request, reply) => {
        await deleteWebhook(env(request), request.params.id);
        return reply.status(204).send();
      },
    );
    app.get(
      "/webhooks/:id/deliveries",
      {
        schema: {
          tags,
          summary: "The endpoint's latest deliveries: event, attempts, answer, error",
          params: webhookIdParams,
          response: { 200: z.object({ items: listOf(LIST_MAX.deliveries, deliverySchema) }) },
        },
      },
      async (request) => ({ items: await listDeliveries(env(request), request.params.id) }),
    );
    app.post(
      "/webhooks/:id/deliveries/:deliveryId/resend",
      {
        schema: {
          tags,
          summary: "Send a delivery again (same event id: receivers drop duplicates by it)",
          params: deliveryParams,
          response: { 200: deliverySchema },
        },
      },
      async (request) => resendDelivery(env(request), request.params.id, request.params.deliveryId),
    );
  };
