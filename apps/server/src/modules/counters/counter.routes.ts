import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { setupEnv } from "../setup-common";
import { staffCaller, SETUP_ROLES } from "../access";
import {
  branchCounterParams,
  counterIdParams,
  counterSchema,
  createCounterBody,
  updateCounterBody,
} from "./counter.schema";
import {
  createCounter,
  deleteCounter,
  getCounter,
  listBranchCounters,
  toCounterDto,
  updateCounter,
} from "./counter.service";
import { LIST_MAX, listOf } from "@equeue/contracts/schemas";

const tags = ["company admin: counters"];

/** Counters (windows, "oyna") of a branch. Mounted at /api/c/:slug/admin. */
export const counterRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx, { roles: SETUP_ROLES }));
    const env = (request: Parameters<typeof setupEnv>[1]) => setupEnv(ctx, request);

    app.get(
      "/branches/:id/counters",
      {
        schema: {
          tags,
          summary: "Counters of a branch",
          params: branchCounterParams,
          response: { 200: z.object({ items: listOf(LIST_MAX.countersPerBranch, counterSchema) }) },
        },
      },
      async (request) => ({ items: await listBranchCounters(env(request), request.params.id) }),
    );

    app.post(
      "/branches/:id/counters",
      {
        schema: {
          tags,
          summary: "Add a counter; its number is unique in the branch",
          params: branchCounterParams,
          body: createCounterBody,
          response: { 201: counterSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCounter(env(request), request.params.id, request.body)),
    );

    app.get(
      "/counters/:id",
      {
        schema: {
          tags,
          summary: "A counter",
          params: counterIdParams,
          response: { 200: counterSchema },
        },
      },
      async (request) => toCounterDto(await getCounter(env(request), request.params.id)),
    );

    app.patch(
      "/counters/:id",
      {
        schema: {
          tags,
          summary: "Edit a counter",
          params: counterIdParams,
          body: updateCounterBody,
          response: { 200: counterSchema },
        },
      },
      async (request) => updateCounter(env(request), request.params.id, request.body),
    );

    app.delete(
      "/counters/:id",
      { schema: { tags, summary: "Delete a counter nobody served at", params: counterIdParams } },
      async (request, reply) => {
        await deleteCounter(env(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
