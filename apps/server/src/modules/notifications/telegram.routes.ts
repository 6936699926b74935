import { SCREEN_LANGUAGES } from "@equeue/contracts";
import { telegramAvailabilityResponse, telegramLinkResponse } from "@equeue/contracts/schemas";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { AppError } from "../../shared/app-error";
import { secretMatches } from "./sms-inbound";
import { createLinkToken } from "./telegram/telegram-links";
import { ticketByToken } from "./ticket-by-token";

const FOLLOWABLE = ["BOOKED", "WAITING", "CALLED", "SERVING"];

/** What the platform reads of a Telegram update; the rest of it is passed on as it came. */
const update = z.looseObject({
  update_id: z.number().int().nonnegative("update_id must be Telegram's update number."),
  message: z.looseObject({}).optional(),
});

/**
 * "Follow in Telegram" from the live ticket page: a t.me deep link with a one-time token that
 * links the chat that opens it to the ticket. Anyone holding the ticket's link may ask (the
 * ticket token is the capability). 404 when no bot is configured or the ticket is unknown.
 * Mounted at /api/public.
 */
export const telegramRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/telegram",
      {
        schema: {
          tags: ["notifications"],
          summary: "Whether tickets can be followed in Telegram here (a bot is configured)",
          security: [],
          response: { 200: telegramAvailabilityResponse },
        },
      },
      async () => ({ available: ctx.telegram !== null }),
    );
    // Telegram's updates, where the bot takes them by webhook (TELEGRAM_WEBHOOK_SECRET). Any
    // process behind the load balancer may get one. Telegram sends the secret it was registered
    // with; a caller without it learns nothing, not even whether a bot is configured here.
    app.post(
      "/telegram/webhook",
      {
        config: { rateLimit: false },
        onRequest: async (request) => {
          const secret = ctx.telegram?.webhookSecret;
          const given = request.headers["x-telegram-bot-api-secret-token"];
          if (!secret || typeof given !== "string" || !secretMatches(secret, given)) {
            throw new AppError("UNAUTHENTICATED", "This address takes updates from Telegram only.");
          }
        },
        schema: {
          tags: ["notifications"],
          summary: "Updates from Telegram, when the bot takes them by webhook",
          security: [],
          body: update,
          response: { 200: z.object({}) },
        },
      },
      async (request) => {
        await ctx.telegram!.handleWebhookUpdate(request.body as Update);
        return {};
      },
    );
    app.post(
      "/tickets/:token/telegram",
      {
        config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
        schema: {
          tags: ["notifications"],
          summary: "A one-time Telegram deep link that follows this ticket",
          security: [],
          params: z.strictObject({
            token: z.string().min(1).max(128, "This is not a ticket link."),
          }),
          // No body at all (null here) is the same as {}: the bot speaks Uzbek.
          body: z
            .strictObject({ language: z.enum(SCREEN_LANGUAGES).default("uz") })
            .nullish()
            .describe("Optional: the bot's language for this chat (uz when absent)"),
          response: { 200: telegramLinkResponse },
        },
      },
      async (request) => {
        if (!ctx.telegram) {
          throw new AppError("NOT_FOUND", "Telegram notifications are not set up here.");
        }
        const ticket = await ticketByToken(ctx.db, request.params.token);
        if (!FOLLOWABLE.includes(ticket.status)) {
          throw new AppError(
            "INVALID_STATE",
            "This ticket is finished; there is nothing to follow.",
          );
        }
        const bot = await ctx.telegram.botUsername().catch((err: unknown) => {
          request.log.warn({ err }, "telegram getMe failed");
          throw new AppError(
            "NOT_READY",
            "Telegram cannot be reached right now; try again in a minute.",
          );
        });
        const link = await createLinkToken(ctx.db, {
          companyId: ticket.company_id,
          ticketId: ticket.ticket_id,
          language: request.body?.language ?? "uz",
        });
        return { url: `https://t.me/${bot}?start=${link.token}`, expiresAt: link.expiresAt };
      },
    );
  };
