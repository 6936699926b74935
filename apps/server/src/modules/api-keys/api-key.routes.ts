import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { staffCaller } from "../access";
import { setupEnv } from "../setup-common";
import {
  apiKeyIdParams,
  apiKeySchema,
  createApiKeyBody,
  createdApiKeySchema,
} from "./api-key.schema";
import { createKey, listKeys, revokeKey } from "./api-key.service";
import { LIST_MAX, listOf } from "@equeue/contracts/schemas";

const tags = ["company admin: API keys"];

/** The company's API keys for its own systems: create, list, revoke. Company admins only. */
export const apiKeyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx, { roles: ["COMPANY_ADMIN"] }));
    const env = (request: Parameters<typeof setupEnv>[1]) => setupEnv(ctx, request);

    app.get(
      "/api-keys",
      {
        schema: {
          tags,
          summary: "The company's API keys, with scopes, limits and last use (never the secret)",
          response: { 200: z.object({ items: listOf(LIST_MAX.apiKeys, apiKeySchema) }) },
        },
      },
      async (request) => ({ items: await listKeys(env(request)) }),
    );

    app.post(
      "/api-keys",
      {
        schema: {
          tags,
          summary: "Create an API key; the answer shows its secret this one time",
          body: createApiKeyBody,
          response: { 201: createdApiKeySchema },
        },
      },
      async (request, reply) => reply.status(201).send(await createKey(env(request), request.body)),
    );

    app.post(
      "/api-keys/:id/revoke",
      {
        schema: {
          tags,
          summary: "Revoke an API key: requests made with it are refused from now on",
          params: apiKeyIdParams,
          response: { 200: apiKeySchema },
        },
      },
      async (request) => revokeKey(env(request), request.params.id),
    );
  };
