import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { findSlotsShortOfStaff } from "../booking";
import { setupEnv, tablesOf } from "../setup-common";
import { companyDb } from "../tenancy";
import { staffCaller, SETUP_ROLES } from "../access";
import { resetStaffPassword, setStaffActive, updateStaff } from "./staff-account.service";
import {
  createdStaffSchema,
  createStaffBody,
  credentialsSchema,
  listStaffQuery,
  resetPasswordBody,
  staffIdParams,
  staffPage,
  staffSchema,
  updateStaffBody,
} from "./staff.schema";
import {
  LIST_MAX,
  staffBookingsCheckBody,
  staffBookingsCheckSchema,
} from "@equeue/contracts/schemas";
import { createStaff, getStaffRow, listVisibleStaff, toStaffDto } from "./staff.service";

const tags = ["company admin: staff"];

/**
 * Staff accounts. A company admin manages everyone; a branch manager the operators of its
 * branches. Mounted at /api/c/:slug/admin.
 */
export const staffRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx, { roles: SETUP_ROLES }));
    const env = (request: Parameters<typeof setupEnv>[1]) => setupEnv(ctx, request);

    app.get(
      "/staff",
      {
        schema: {
          tags,
          summary: "Staff (a branch manager sees its branches' operators)",
          querystring: listStaffQuery,
          response: { 200: staffPage },
        },
      },
      async (request) => listVisibleStaff(env(request), request.query),
    );

    app.post(
      "/staff",
      {
        schema: {
          tags,
          summary: "Create an account with a one-time password (shown once) or an e-mail invite",
          body: createStaffBody,
          response: { 201: createdStaffSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createStaff(env(request), request.body)),
    );

    app.get(
      "/staff/:id",
      {
        schema: {
          tags,
          summary: "A staff member",
          params: staffIdParams,
          response: { 200: staffSchema },
        },
      },
      async (request) => {
        const e = env(request);
        return toStaffDto(tablesOf(e), await getStaffRow(e, request.params.id));
      },
    );

    app.patch(
      "/staff/:id",
      {
        schema: {
          tags,
          summary: "Edit a staff member: details, role, branch, counter, services, schedule",
          params: staffIdParams,
          body: updateStaffBody,
          response: { 200: staffSchema },
        },
      },
      async (request) => updateStaff(env(request), request.params.id, request.body),
    );

    app.post(
      "/staff/:id/bookings-check",
      {
        schema: {
          tags,
          summary: "Which booked times an edit of this person would leave short of operators",
          description:
            "Nothing is saved or cancelled: the future booked times where a new schedule, other services or branch, or a deactivation (`active: false`) leave fewer operators than bookings, earliest first.",
          params: staffIdParams,
          body: staffBookingsCheckBody,
          response: { 200: staffBookingsCheckSchema },
        },
      },
      async (request) => {
        const e = env(request);
        const staff = await toStaffDto(tablesOf(e), await getStaffRow(e, request.params.id));
        const slots = await findSlotsShortOfStaff(
          companyDb(ctx.db, e.company),
          staff,
          request.body,
          new Date(),
        );
        return {
          bookingsShort: slots.reduce((n, s) => n + s.booked - s.places, 0),
          slots: slots.slice(0, LIST_MAX.previewSlots),
        };
      },
    );

    for (const [action, active] of [
      ["deactivate", false],
      ["reactivate", true],
    ] as const) {
      app.post(
        `/staff/:id/${action}`,
        {
          schema: {
            tags,
            summary:
              action === "deactivate"
                ? "Deactivate: no more logins, sessions end now"
                : "Reactivate a deactivated account",
            params: staffIdParams,
            response: { 200: staffSchema },
          },
        },
        async (request) => setStaffActive(env(request), request.params.id, active),
      );
    }

    app.post(
      "/staff/:id/reset-password",
      {
        schema: {
          tags,
          summary: "New one-time password (shown once or e-mailed); must be changed at next login",
          params: staffIdParams,
          body: resetPasswordBody.nullish(),
          response: { 200: credentialsSchema },
        },
      },
      async (request) =>
        resetStaffPassword(env(request), request.params.id, request.body?.delivery ?? "PASSWORD"),
    );
  };
