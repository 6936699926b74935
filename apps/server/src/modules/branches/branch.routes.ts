import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import {
  cancelAfterHoursChange,
  cancelAfterOfferChange,
  findBookingsOutsideHours,
} from "../booking";
import { companyDb } from "../tenancy";
import { setupEnv } from "../setup-common";
import { companyAdminOnly, staffCaller, SETUP_ROLES } from "../access";
import {
  addBranchException,
  deleteBranchException,
  listBranchExceptions,
} from "./branch-exception.service";
import { toBranchDto } from "./branch.mapper";
import {
  branchIdParams,
  branchSchema,
  branchServicesBody,
  branchServiceSchema,
  savedBranchServicesSchema,
  createBranchBody,
  createExceptionBody,
  exceptionParams,
  exceptionSchema,
  listBranchesQuery,
  listExceptionsQuery,
  updateBranchBody,
} from "./branch.schema";
import {
  createBranch,
  deleteBranch,
  getBranch,
  getBranchServices,
  listVisibleBranches,
  setBranchServices,
  setBranchStatus,
  updateBranch,
} from "./branch.service";
import {
  addedExceptionSchema,
  hoursPreviewBody,
  hoursPreviewSchema,
  LIST_MAX,
  listOf,
  updatedBranchSchema,
} from "@equeue/contracts/schemas";

const tags = ["company admin: branches"];

const toBranchServiceDto = (r: Awaited<ReturnType<typeof getBranchServices>>[number]) => ({
  serviceId: r.service_id,
  enabled: r.enabled,
  letter: r.letter,
  name: r.name,
  active: r.is_active,
  bookings: r.bookings ?? 0,
});

/** Branches, their hours, exceptions and offered services. Mounted at /api/c/:slug/admin. */
export const branchRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx, { roles: SETUP_ROLES }));
    const env = (request: Parameters<typeof setupEnv>[1]) => setupEnv(ctx, request);

    app.get(
      "/branches",
      {
        schema: {
          tags,
          summary: "Branches (a branch manager sees its own)",
          querystring: listBranchesQuery,
          response: { 200: z.object({ items: listOf(LIST_MAX.branches, branchSchema) }) },
        },
      },
      async (request) => ({
        items: (await listVisibleBranches(env(request), request.query)).map(toBranchDto),
      }),
    );

    app.post(
      "/branches",
      {
        onRequest: companyAdminOnly,
        schema: {
          tags,
          summary: "Create a branch",
          body: createBranchBody,
          response: { 201: branchSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(toBranchDto(await createBranch(env(request), request.body))),
    );

    app.get(
      "/branches/:id",
      {
        schema: {
          tags,
          summary: "A branch",
          params: branchIdParams,
          response: { 200: branchSchema },
        },
      },
      async (request) => toBranchDto(await getBranch(env(request), request.params.id)),
    );

    app.patch(
      "/branches/:id",
      {
        schema: {
          tags,
          summary: "Edit a branch (a branch manager: working hours only)",
          description:
            "Future bookings the new weekly hours or time zone have no room for are cancelled by the company, each customer told; `cancelledBookings` says how many (`POST …/hours-preview` tells before saving).",
          params: branchIdParams,
          body: updateBranchBody,
          response: { 200: updatedBranchSchema },
        },
      },
      async (request) => {
        const e = env(request);
        const branch = toBranchDto(await updateBranch(e, request.params.id, request.body));
        const hoursChanged =
          request.body.weeklyHours !== undefined || request.body.timeZone !== undefined;
        const cancelledBookings = hoursChanged
          ? await cancelAfterHoursChange(ctx, e.company, {
              staffId: e.caller.staffId,
              branchId: branch.id,
            })
          : 0;
        return { ...branch, cancelledBookings };
      },
    );

    app.post(
      "/branches/:id/hours-preview",
      {
        schema: {
          tags,
          summary: "Which bookings new hours would cancel",
          description:
            "Nothing is saved: the future bookings the given weekly hours or time zone (the branch's own where not given) would have no room for, by day.",
          params: branchIdParams,
          body: hoursPreviewBody,
          response: { 200: hoursPreviewSchema },
        },
      },
      async (request) => {
        const e = env(request);
        const branch = await getBranch(e, request.params.id);
        const misfits = await findBookingsOutsideHours(companyDb(ctx.db, e.company), {
          now: new Date(),
          branchId: branch.id,
          change: request.body,
        });
        const perDay = new Map<string, number>();
        for (const m of misfits) perDay.set(m.day, (perDay.get(m.day) ?? 0) + 1);
        const days = [...perDay]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .slice(0, LIST_MAX.previewDays)
          .map(([day, bookings]) => ({ day, bookings }));
        return { bookingsOutside: misfits.length, days };
      },
    );

    app.delete(
      "/branches/:id",
      {
        onRequest: companyAdminOnly,
        schema: {
          tags,
          summary: "Delete a branch that never issued a ticket",
          params: branchIdParams,
        },
      },
      async (request, reply) => {
        await deleteBranch(env(request), request.params.id);
        return reply.status(204).send();
      },
    );

    for (const [action, status] of [
      ["close", "CLOSED"],
      ["reopen", "OPEN"],
    ] as const) {
      app.post(
        `/branches/:id/${action}`,
        {
          onRequest: companyAdminOnly,
          schema: {
            tags,
            summary: action === "close" ? "Close a branch" : "Reopen a closed branch",
            params: branchIdParams,
            response: { 200: branchSchema },
          },
        },
        async (request) =>
          toBranchDto(await setBranchStatus(env(request), request.params.id, status)),
      );
    }

    app.get(
      "/branches/:id/exceptions",
      {
        schema: {
          tags,
          summary: "Holidays and short days",
          params: branchIdParams,
          querystring: listExceptionsQuery,
          response: { 200: z.object({ items: listOf(LIST_MAX.exceptions, exceptionSchema) }) },
        },
      },
      async (request) => ({
        items: await listBranchExceptions(
          env(request),
          request.params.id,
          request.query.from,
          request.query.to,
        ),
      }),
    );

    app.post(
      "/branches/:id/exceptions",
      {
        schema: {
          tags,
          summary: "Add a closed day or a short day",
          description:
            "Bookings the day no longer has room for (all of a closed day's; a short day's before it opens or from its close) are cancelled by the company, each customer told with the note; `cancelledBookings` says how many.",
          params: branchIdParams,
          body: createExceptionBody,
          response: { 201: addedExceptionSchema },
        },
      },
      async (request, reply) => {
        const e = env(request);
        const added = await addBranchException(e, request.params.id, request.body);
        const cancelledBookings = await cancelAfterHoursChange(ctx, e.company, {
          staffId: e.caller.staffId,
          branchId: request.params.id,
          days: [added.day],
        });
        return reply.status(201).send({ ...added, cancelledBookings });
      },
    );

    app.delete(
      "/branches/:id/exceptions/:exceptionId",
      { schema: { tags, summary: "Remove an exception", params: exceptionParams } },
      async (request, reply) => {
        await deleteBranchException(env(request), request.params.id, request.params.exceptionId);
        return reply.status(204).send();
      },
    );

    const servicesResponse = {
      200: z.object({ items: listOf(LIST_MAX.services, branchServiceSchema) }),
    };
    app.get(
      "/branches/:id/services",
      {
        schema: {
          tags,
          summary: "Services the branch offers",
          params: branchIdParams,
          response: servicesResponse,
        },
      },
      async (request) => ({
        items: (await getBranchServices(env(request), request.params.id)).map(toBranchServiceDto),
      }),
    );

    app.put(
      "/branches/:id/services",
      {
        schema: {
          tags,
          summary: "Set the services the branch offers (each enabled or disabled)",
          description:
            "The bookings of a service the branch no longer offers (removed or paused) are cancelled, their customers told; the answer says how many.",
          params: branchIdParams,
          body: branchServicesBody,
          response: { 200: savedBranchServicesSchema },
        },
      },
      async (request) => {
        const e = env(request);
        const branchId = request.params.id;
        await setBranchServices(e, branchId, request.body.services);
        const cancelledBookings = await cancelAfterOfferChange(ctx, e.company, {
          staffId: e.caller.staffId,
          branchId,
        });
        // Read after the cancelling, so each service's bookings are what is left.
        const items = (await getBranchServices(e, branchId)).map(toBranchServiceDto);
        return { items, cancelledBookings };
      },
    );
  };
