import { SCREEN_LANGUAGES } from "@equeue/contracts";
import {
  channelsBody,
  channelsResponse,
  pushKeyResponse,
  pushRemovedResponse,
  pushSubscribedResponse,
  ticketChannelsResponse,
} from "@equeue/contracts/schemas";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { AppError, notFound } from "../../shared/app-error";
import { bearerToken, customerCaller, customerOf, resolveCustomer } from "../access";
import { isAllowedPushEndpoint } from "./push/push-endpoints";
import { ticketByToken } from "./ticket-by-token";
import { patternBound } from "@equeue/contracts/schemas";

const FOLLOWABLE = ["BOOKED", "WAITING", "CALLED", "SERVING"];
/** Browsers one ticket may be followed in: a family's phones, not a flood. */
const MAX_BROWSERS_PER_TICKET = 10;
const tags = ["notifications"];

const ticketParams = z.strictObject({
  token: z.string().min(1).max(128, "This is not a ticket link."),
});
const endpointSchema = z.url({ protocol: /^https?$/ }).max(2048);
/** A browser's PushSubscription as `JSON.stringify(subscription)` gives it. */
const subscriptionSchema = z.object({
  endpoint: endpointSchema,
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    // An uncompressed P-256 point (65 bytes) and a 16-byte secret, base64url.
    p256dh: z
      .string()
      .regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/, "Not a P-256 public key.")
      .meta(patternBound(90)),
    auth: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22,24}={0,2}$/, "Not a 16-byte auth secret.")
      .meta(patternBound(26)),
  }),
});
type Off = { sms_off: boolean; telegram_off: boolean; push_off: boolean };
const asOn = (p: Off | undefined) => ({
  sms: !p?.sms_off,
  telegram: !p?.telegram_off,
  push: !p?.push_off,
});
const asOff = (b: z.infer<typeof channelsBody>) => ({
  ...(b.sms !== undefined && { sms_off: !b.sms }),
  ...(b.telegram !== undefined && { telegram_off: !b.telegram }),
  ...(b.push !== undefined && { push_off: !b.push }),
});

/**
 * Web push from the live ticket page, and the channels a customer turns off. Whoever holds the
 * ticket's link may subscribe a browser to that ticket, unsubscribe it, and turn its channels
 * off or on (the ticket token is the capability; nothing reaches another ticket's rows). A
 * signed-in customer's subscription is also bound to the account, so later tickets of that phone
 * reach the same browser; `/api/customer/channels` turns channels off for every ticket of the
 * account. Ticket routes are mounted at /api/public, the account's at /api/customer.
 */
export const pushRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const ticketOf = (token: string) => ticketByToken(ctx.db, token);

    app.get(
      "/push/key",
      {
        schema: {
          tags,
          summary: "The platform's VAPID public key, for PushManager.subscribe",
          security: [],
          response: { 200: pushKeyResponse },
        },
      },
      async () => ({ publicKey: ctx.vapid.publicKey }),
    );

    app.post(
      "/tickets/:token/push",
      {
        config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
        schema: {
          tags,
          summary: "Follow this ticket by web push in this browser",
          description:
            "The body is the browser's PushSubscription (JSON). With a customer's access token the subscription also follows that account's later tickets.",
          security: [],
          params: ticketParams,
          body: z.strictObject({
            subscription: subscriptionSchema,
            language: z.enum(SCREEN_LANGUAGES).default("uz"),
          }),
          response: { 200: pushSubscribedResponse },
        },
      },
      async (request) => {
        const { subscription, language } = request.body;
        if (!isAllowedPushEndpoint(subscription.endpoint, ctx.config.PUSH_ENDPOINT_ORIGINS)) {
          throw new AppError("VALIDATION_FAILED", "This push service is not supported.", {
            details: [
              { path: "subscription.endpoint", message: "Not a known browser push service." },
            ],
          });
        }
        // Signed in (optional): the account follows too. A bad token is refused, not ignored.
        const customerId = request.headers.authorization
          ? (await resolveCustomer(ctx, bearerToken(request.headers.authorization))).customerId
          : null;
        // Found (or waited for) before the transaction, which then holds the ticket's index row
        // while its browsers are counted and this one added, so taps at once cannot pass the
        // limit together.
        await ticketOf(request.params.token);
        await ctx.db.transaction().execute(async (trx) => {
          const ticket = await ticketByToken(trx, request.params.token, { lock: true });
          if (!FOLLOWABLE.includes(ticket.status)) {
            throw new AppError(
              "INVALID_STATE",
              "This ticket is finished; there is nothing to follow.",
            );
          }
          const others = await trx
            .selectFrom("platform.push_subscriptions")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("company_id", "=", ticket.company_id)
            .where("ticket_id", "=", ticket.ticket_id)
            .where("endpoint", "!=", subscription.endpoint)
            .executeTakeFirstOrThrow();
          if (Number(others.n) >= MAX_BROWSERS_PER_TICKET) {
            throw new AppError(
              "INVALID_STATE",
              `This ticket is already followed on ${MAX_BROWSERS_PER_TICKET} devices.`,
            );
          }
          await trx
            .insertInto("platform.push_subscriptions")
            .values({
              endpoint: subscription.endpoint,
              p256dh: subscription.keys.p256dh,
              auth: subscription.keys.auth,
              company_id: ticket.company_id,
              ticket_id: ticket.ticket_id,
              customer_id: customerId,
              language,
            })
            .onConflict((oc) =>
              oc.columns(["company_id", "ticket_id", "endpoint"]).doUpdateSet((eb) => ({
                p256dh: eb.ref("excluded.p256dh"),
                auth: eb.ref("excluded.auth"),
                language: eb.ref("excluded.language"),
                // Signed in now: the account follows too; anonymous: an earlier account link stays.
                ...(customerId && { customer_id: customerId }),
              })),
            )
            .execute();
        });
        return { subscribed: true as const };
      },
    );

    app.post(
      "/tickets/:token/push/unsubscribe",
      {
        config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
        schema: {
          tags,
          summary: "Stop following this ticket by web push in this browser",
          security: [],
          params: ticketParams,
          body: z.strictObject({ endpoint: endpointSchema }),
          response: { 200: pushRemovedResponse },
        },
      },
      async (request) => {
        const ticket = await ticketOf(request.params.token);
        // Only this ticket's rows: another ticket's link removes nothing of others.
        const res = await ctx.db
          .deleteFrom("platform.push_subscriptions")
          .where("company_id", "=", ticket.company_id)
          .where("ticket_id", "=", ticket.ticket_id)
          .where("endpoint", "=", request.body.endpoint)
          .executeTakeFirst();
        return { removed: Number(res.numDeletedRows) };
      },
    );

    app.get(
      "/tickets/:token/channels",
      {
        schema: {
          tags,
          summary: "Which channels tell this ticket's holder (on/off) and what follows it",
          security: [],
          params: ticketParams,
          response: { 200: ticketChannelsResponse },
        },
      },
      async (request) => {
        const ticket = await ticketOf(request.params.token);
        const [prefs, chats, pushes] = await Promise.all([
          ctx.db
            .selectFrom("platform.ticket_channel_prefs")
            .select(["sms_off", "telegram_off", "push_off"])
            .where("company_id", "=", ticket.company_id)
            .where("ticket_id", "=", ticket.ticket_id)
            .executeTakeFirst(),
          ctx.db
            .selectFrom("platform.ticket_chats")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("company_id", "=", ticket.company_id)
            .where("ticket_id", "=", ticket.ticket_id)
            .executeTakeFirstOrThrow(),
          ctx.db
            .selectFrom("platform.push_subscriptions")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("company_id", "=", ticket.company_id)
            .where("ticket_id", "=", ticket.ticket_id)
            .executeTakeFirstOrThrow(),
        ]);
        return {
          on: asOn(prefs),
          hasPhone: ticket.customer_phone !== null,
          telegramChats: Number(chats.n),
          pushBrowsers: Number(pushes.n),
        };
      },
    );

    app.put(
      "/tickets/:token/channels",
      {
        config: { rateLimit: { max: 30, timeWindow: "1 minute" } },
        schema: {
          tags,
          summary: "Turn this ticket's channels (SMS, Telegram, push) off or on",
          security: [],
          params: ticketParams,
          body: channelsBody,
          response: { 200: channelsResponse },
        },
      },
      async (request) => {
        const ticket = await ticketOf(request.params.token);
        const off = asOff(request.body);
        const row = await ctx.db
          .insertInto("platform.ticket_channel_prefs")
          .values({ company_id: ticket.company_id, ticket_id: ticket.ticket_id, ...off })
          .onConflict((oc) =>
            oc.columns(["company_id", "ticket_id"]).doUpdateSet({ ...off, updated_at: new Date() }),
          )
          .returning(["sms_off", "telegram_off", "push_off"])
          .executeTakeFirstOrThrow();
        return { on: asOn(row) };
      },
    );
  };

/** The signed-in customer's channels, for every ticket of the account. Mounted at /api/customer. */
export const accountChannelRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const signedIn = customerCaller(ctx);
    app.get(
      "/channels",
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: "Which channels tell me about my tickets (on/off)",
          response: { 200: channelsResponse },
        },
      },
      async (request) => {
        const me = await ctx.db
          .selectFrom("platform.customers")
          .select(["sms_off", "telegram_off", "push_off"])
          .where("id", "=", customerOf(request).customerId)
          .executeTakeFirst();
        return { on: asOn(me) };
      },
    );
    app.put(
      "/channels",
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: "Turn my channels (SMS, Telegram, push) off or on for all my tickets",
          body: channelsBody,
          response: { 200: channelsResponse },
        },
      },
      async (request) => {
        const row = await ctx.db
          .updateTable("platform.customers")
          .set(asOff(request.body))
          .where("id", "=", customerOf(request).customerId)
          .returning(["sms_off", "telegram_off", "push_off"])
          .executeTakeFirst();
        if (!row) throw notFound("Your account");
        return { on: asOn(row) };
      },
    );
  };
