import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { pagingQuery } from "../../shared/paging";
import { superAdminCaller } from "../access";
import { listOutbox } from "./outbox.repository";

const message = z.object({
  id: z.string(),
  channel: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(["PENDING", "SENT", "FAILED", "SKIPPED"]),
  attempts: z.number(),
  lastError: z.string().nullable(),
  companyId: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  /** What the provider reported after sending (an SMS gateway's delivery report). */
  deliveryStatus: z.string().nullable(),
  deliveredAt: z.date().nullable(),
  /** SMS segments the text takes (what the gateway bills). */
  segments: z.number().nullable(),
});

/** Super Admin: messages the platform sends (or holds, without SMTP). Mounted at /api/platform. */
export const outboxRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", superAdminCaller(ctx.tokens));
    app.get(
      "/outbox",
      {
        schema: {
          tags: ["outbox"],
          summary: "Outgoing messages, newest first",
          querystring: z.strictObject({
            status: z.enum(["PENDING", "SENT", "FAILED", "SKIPPED"]).optional(),
            companyId: z.uuid().optional(),
            ...pagingQuery,
          }),
          response: {
            200: z.object({
              items: z.array(message),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
              delivery: z.object({ configured: z.boolean(), channels: z.array(z.string()) }),
            }),
          },
        },
      },
      async (request) => {
        const q = request.query;
        const { items, total } = await listOutbox(ctx.db, q);
        return {
          items: items.map((m) => ({
            id: m.id,
            channel: m.channel,
            to: m.recipient,
            subject: m.subject,
            text: m.body_text,
            status: m.status,
            attempts: m.attempts,
            lastError: m.last_error,
            companyId: m.company_id,
            createdAt: m.created_at,
            sentAt: m.sent_at,
            deliveryStatus: m.delivery_status,
            deliveredAt: m.delivered_at,
            segments: m.segments,
          })),
          total,
          page: q.page,
          pageSize: q.pageSize,
          delivery: { configured: ctx.outbox.isConfigured, channels: ctx.outbox.channels },
        };
      },
    );
  };
