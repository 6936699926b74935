import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../app-context";
import { notFound } from "../../../shared/app-error";
import { anonymous } from "../../access";
import { companyDb } from "../../tenancy";
import { leaveQueue } from "../commands/holder-cancel.command";
import { trackingSchema } from "./queue-views.schema";
import { emptyBody, trackingParams } from "./queue.schema";
import { trackingViewByToken } from "../queries/tracking.query";

/**
 * Live ticket tracking for whoever holds the ticket's QR code, and leaving the line from it.
 * Mounted at /api/c/:slug.
 */
export const publicTicketRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/public/tickets/:token",
      {
        schema: {
          tags: ["public"],
          summary: "Where my ticket is: status, people ahead, wait estimate, counter when called",
          security: [],
          params: trackingParams,
          response: { 200: trackingSchema },
        },
        // The link's token is the credential: its holder may see that one ticket. The statement
        // looks the ticket up by it (one prepared statement, position and estimate included).
        onRequest: anonymous,
      },
      async (request) => {
        const db = companyDb(ctx.db, request.company!);
        const tracked = await trackingViewByToken(db, request.params.token, new Date());
        if (!tracked) throw notFound("The ticket");
        return tracked.view;
      },
    );

    app.post(
      "/public/tickets/:token/cancel",
      {
        schema: {
          tags: ["public"],
          summary: "Leave the line: cancel my waiting (or booked) ticket",
          description:
            "For whoever holds the ticket's link, as for tracking it. WAITING or BOOKED → CANCELLED (the people behind move up; the operator is not sent an empty call) → the ticket as tracked. 404 an unknown link; 409 `INVALID_STATE` once it is called, served or over.",
          security: [],
          params: trackingParams,
          body: emptyBody,
          response: { 200: trackingSchema },
        },
        onRequest: anonymous,
        config: { rateLimit: { max: 30, timeWindow: "1 minute", hook: "preHandler" } },
      },
      async (request) => {
        const now = new Date();
        await leaveQueue(ctx, request.company!, request.params.token, now);
        const db = companyDb(ctx.db, request.company!);
        const tracked = await trackingViewByToken(db, request.params.token, now);
        if (!tracked) throw notFound("The ticket");
        return tracked.view;
      },
    );
  };
