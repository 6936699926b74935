import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { notFound } from "../../shared/app-error";
import { phoneField } from "../../shared/phone";
import { recordDelivery } from "../outbox";
import { applyKeyword, keywordOf, secretMatches } from "./sms-inbound";
import { TEXT_MAX } from "@equeue/contracts/schemas";

/** Eskiz's report words → ours. Anything else is kept as the gateway said it (upper case). */
const STATUS: Record<string, string> = {
  DELIVRD: "DELIVERED",
  DELIVERED: "DELIVERED",
  UNDELIV: "UNDELIVERED",
  UNDELIVERED: "UNDELIVERED",
  EXPIRED: "EXPIRED",
  REJECTD: "REJECTED",
  REJECTED: "REJECTED",
  TRANSMTD: "TRANSMITTED",
};

const report = z.object({
  user_sms_id: z.uuid("user_sms_id must be the id the platform sent the message with."),
  message_id: z.string().min(1).max(100).optional(),
  status: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[A-Za-z_]+$/, "status must be a word like DELIVRD."),
  phone_number: z.string().max(30).optional(),
  status_date: z.string().max(40).optional(),
});

/**
 * The SMS gateway's delivery reports (its callback URL). Public — the gateway signs nothing —
 * so a report must name a message by our id (a random UUID the gateway only learned from us)
 * and, once we know it, the gateway's own id; anything else is 404. Idempotent: the same report
 * again changes nothing, and a final state (delivered, undelivered …) is never overwritten.
 * Mounted at /api/public.
 */
export const smsDeliveryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Gateways post forms; parse them here only (this plugin's scope).
    app.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.post(
      "/sms/delivery",
      {
        schema: {
          tags: ["notifications"],
          summary: "Delivery report from the SMS gateway (form or JSON)",
          security: [],
          body: report,
          response: { 200: z.object({ deliveryStatus: z.string().max(TEXT_MAX.word).nullable() }) },
        },
      },
      async (request) => {
        const b = request.body;
        const word = b.status.toUpperCase();
        const result = await recordDelivery(ctx.db, {
          outboxId: b.user_sms_id,
          providerId: b.message_id,
          status: STATUS[word] ?? word,
        });
        if (!result) throw notFound("This SMS");
        return result;
      },
    );
    app.post(
      "/sms/inbound/:secret",
      {
        schema: {
          tags: ["notifications"],
          summary:
            "A message a customer sent to the SMS number (the gateway's inbound callback): STOP turns SMS off for that phone, START back on",
          security: [],
          params: z.object({ secret: z.string().max(200) }),
          body: z.object({
            // Gateways write the number in international form without the "+".
            phone_number: z
              .string()
              .max(32)
              .transform((v) => (/^\d{11,15}$/.test(v.trim()) ? `+${v.trim()}` : v))
              .pipe(phoneField),
            message: z.string().max(1600, "message is longer than an SMS can be."),
          }),
          response: {
            200: z.object({
              keyword: z.enum(["STOP", "START"]).nullable(),
              smsOff: z.boolean().nullable(),
            }),
          },
        },
      },
      async (request) => {
        // Off unless configured; the secret in the callback URL is what the gateway proves.
        if (!secretMatches(ctx.config.SMS_INBOUND_SECRET, request.params.secret))
          throw notFound("This address");
        const keyword = keywordOf(request.body.message);
        if (!keyword) return { keyword: null, smsOff: null };
        const smsOff = await applyKeyword(ctx.db, request.body.phone_number, keyword);
        request.log.info({ keyword }, "SMS keyword from a customer applied");
        return { keyword, smsOff };
      },
    );
  };
