import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { companyAdminOnly, staffCaller, ticketHolderCaller, callerOf } from "../access";
import type { TicketHolderCaller } from "../access";
import { notFound } from "../../shared/app-error";
import {
  myRatingResponse,
  rateBody,
  ratingParams,
  ratingSchema,
  ratingsPage,
  ratingsQuery,
} from "./ratings.schema";
import { listRatings, rateTicket, ratingOfTicket } from "./ratings.service";
import type { FastifyRequest } from "fastify";

function holderOf(request: FastifyRequest): TicketHolderCaller {
  const caller = callerOf(request);
  if (caller.kind !== "ticketHolder") throw notFound("The ticket");
  return caller;
}

/**
 * Rating a finished visit, by whoever holds the ticket's link. Mounted at /api/c/:slug (the
 * ticket's public path, beside its tracking).
 */
export const ticketRatingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["public"];
    app.get(
      "/public/tickets/:token/rating",
      {
        schema: {
          tags,
          summary: "My rating of this visit, and whether it can still be given",
          security: [],
          params: ratingParams,
          response: { 200: myRatingResponse },
        },
        preHandler: ticketHolderCaller(ctx),
      },
      async (request) => ratingOfTicket(ctx.db, request.company!, holderOf(request).ticketId),
    );

    app.post(
      "/public/tickets/:token/rating",
      {
        schema: {
          tags,
          summary: "Rate a finished visit: 1–5 stars and an optional comment, once per ticket",
          security: [],
          params: ratingParams,
          body: rateBody,
          response: { 201: ratingSchema },
        },
        config: { rateLimit: { max: 20, timeWindow: "10 minutes" } },
        preHandler: ticketHolderCaller(ctx),
      },
      async (request, reply) => {
        const company = request.company!;
        const rating = await rateTicket(ctx.db, company, holderOf(request).ticketId, request.body);
        // The rating is in the event log: its subscribers (webhooks) hear of it now.
        ctx.events.poke(company);
        return reply.status(201).send(rating);
      },
    );
  };

/** The company's ratings and comments, for its admins. Mounted at /api/c/:slug/admin. */
export const ratingAdminRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx));
    app.get(
      "/ratings",
      {
        onRequest: companyAdminOnly,
        schema: {
          tags: ["company admin: ratings"],
          summary: "Customers' ratings and comments, newest first, with the average",
          querystring: ratingsQuery,
          response: { 200: ratingsPage },
        },
      },
      async (request) => listRatings(ctx.db, request.company!, request.query),
    );
  };
