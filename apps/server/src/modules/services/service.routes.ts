import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { cancelAfterOfferChange } from "../booking";
import { setupEnv, type SetupEnv } from "../setup-common";
import { companyAdminOnly, staffCaller, SETUP_ROLES } from "../access";
import {
  createServiceBody,
  listServicesQuery,
  serviceBranchesBody,
  serviceIdParams,
  serviceSchema,
  updateServiceBody,
  updatedServiceSchema,
  type ServiceDto,
} from "./service.schema";
import {
  createService,
  deleteService,
  getService,
  listVisibleServices,
  setServiceBranches,
  updateService,
} from "./service.service";
import { LIST_MAX, listOf } from "@equeue/contracts/schemas";

const tags = ["company admin: services"];

/** The company's service catalogue; branch managers may read it. Mounted at /api/c/:slug/admin. */
export const serviceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx, { roles: SETUP_ROLES }));
    const env = (request: Parameters<typeof setupEnv>[1]) => setupEnv(ctx, request);
    /**
     * The service's bookings where it is no longer offered are cancelled; the answer is read
     * again after, so each branch's `bookings` is what is left.
     */
    const afterOfferChange = async (e: SetupEnv, service: ServiceDto) => {
      const cancelledBookings = await cancelAfterOfferChange(ctx, e.company, {
        staffId: e.caller.staffId,
        serviceId: service.id,
      });
      const fresh = cancelledBookings > 0 ? await getService(e, service.id) : service;
      return { ...fresh, cancelledBookings };
    };

    app.get(
      "/services",
      {
        schema: {
          tags,
          summary: "Services of the company, with their branches",
          querystring: listServicesQuery,
          response: { 200: z.object({ items: listOf(LIST_MAX.services, serviceSchema) }) },
        },
      },
      async (request) => ({ items: await listVisibleServices(env(request), request.query) }),
    );

    app.post(
      "/services",
      {
        onRequest: companyAdminOnly,
        schema: {
          tags,
          summary: "Create a service (optionally assigned to branches)",
          body: createServiceBody,
          response: { 201: serviceSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createService(env(request), request.body)),
    );

    app.get(
      "/services/:id",
      {
        schema: {
          tags,
          summary: "A service",
          params: serviceIdParams,
          response: { 200: serviceSchema },
        },
      },
      async (request) => getService(env(request), request.params.id),
    );

    app.patch(
      "/services/:id",
      {
        onRequest: companyAdminOnly,
        schema: {
          tags,
          summary: "Edit a service",
          description:
            "Deactivating it cancels its bookings not yet checked in (their customers are told); the answer says how many.",
          params: serviceIdParams,
          body: updateServiceBody,
          response: { 200: updatedServiceSchema },
        },
      },
      async (request) => {
        const e = env(request);
        const service = await updateService(e, request.params.id, request.body);
        if (request.body.active !== false) return { ...service, cancelledBookings: 0 };
        return afterOfferChange(e, service);
      },
    );

    app.delete(
      "/services/:id",
      {
        onRequest: companyAdminOnly,
        schema: {
          tags,
          summary: "Delete a service that never had a ticket",
          params: serviceIdParams,
        },
      },
      async (request, reply) => {
        await deleteService(env(request), request.params.id);
        return reply.status(204).send();
      },
    );

    app.put(
      "/services/:id/branches",
      {
        onRequest: companyAdminOnly,
        schema: {
          tags,
          summary: "Set the branches that offer the service",
          description:
            "Its bookings at a branch that no longer offers it (removed or paused there) are cancelled, their customers told; the answer says how many.",
          params: serviceIdParams,
          body: serviceBranchesBody,
          response: { 200: updatedServiceSchema },
        },
      },
      async (request) => {
        const e = env(request);
        return afterOfferChange(
          e,
          await setServiceBranches(e, request.params.id, request.body.branches),
        );
      },
    );
  };
