import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { notFound } from "../../shared/app-error";
import { deviceCaller, deviceOf } from "../access";
import { issueTicket } from "../queue";
import { companyDb } from "../tenancy";
import { servicesShown } from "./device-settings";
import { findDevice } from "./device.repository";
import { kioskTicketBody, kioskTicketResponse } from "./device.schema";

/**
 * A paired kiosk hands out tickets for its own branch. The ticket's source (KIOSK) and branch
 * follow from the caller, the device; only services the kiosk shows can be chosen.
 * Mounted at /api/c/:slug.
 */
export const kioskTicketRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/kiosk/tickets",
      {
        onRequest: deviceCaller(ctx, ["KIOSK"]),
        schema: {
          tags: ["devices"],
          summary: "Take a ticket at the kiosk (source KIOSK): what its receipt prints",
          description: "Send the kiosk's device token as `Authorization: Device <token>`.",
          security: [],
          body: kioskTicketBody,
          response: { 201: kioskTicketResponse },
        },
      },
      async (request, reply) => {
        const kiosk = deviceOf(request);
        const company = request.company!;
        const q = companyDb(ctx.db, company);
        const row = await findDevice(q, kiosk.deviceId);
        const shown = row ? await servicesShown(q, row) : [];
        if (!shown.some((s) => s.id === request.body.serviceId)) throw notFound("The service");
        const ticket = await issueTicket(ctx, company, kiosk, {
          branchId: kiosk.branchId,
          serviceId: request.body.serviceId,
          customerName: request.body.customerName ?? null,
        });
        return reply.status(201).send({
          ticket: {
            id: ticket.id,
            label: ticket.label,
            status: ticket.status,
            token: ticket.token,
            trackPath: `/t/${ticket.token}`,
            serviceName: ticket.service_name,
            issuedAt: ticket.created_at,
          },
        });
      },
    );
  };
