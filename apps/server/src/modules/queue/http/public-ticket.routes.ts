import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../app-context";
import { notFound } from "../../../shared/app-error";
import { anonymous } from "../../access";
import { companyDb } from "../../tenancy";
import { trackingSchema } from "./queue-views.schema";
import { trackingParams } from "./queue.schema";
import { trackingViewByToken } from "../queries/tracking.query";

/** Live ticket tracking for whoever holds the ticket's QR code. Mounted at /api/c/:slug. */
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
  };
