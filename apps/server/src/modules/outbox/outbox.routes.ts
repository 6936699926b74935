import { outboxPageResponse, outboxStatusSchema, TEXT_MAX } from "@equeue/contracts/schemas";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { pagingQuery } from "../../shared/paging";
import { superAdminCaller } from "../access";
import { listOutbox } from "./outbox.repository";

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
            status: outboxStatusSchema.optional(),
            companyId: z.uuid().optional(),
            ...pagingQuery,
          }),
          response: {
            200: outboxPageResponse,
          },
        },
      },
      async (request) => {
        const q = request.query;
        const { items, total } = await listOutbox(ctx.db, q);
        const sending = new Set<string>(ctx.outbox.channels);
        return {
          items: items.map((m) => {
            // A code or a one-time password that really goes out is its recipient's alone; without
            // a transport (a demo, a first set-up) this list is how it reaches them.
            const hidden = m.secret && sending.has(m.channel);
            return {
              id: m.id,
              channel: m.channel,
              // A list, not the message: long bodies (an e-mail) are cut to what the panel shows.
              to: m.recipient.slice(0, TEXT_MAX.url),
              subject: m.subject.slice(0, TEXT_MAX.subject),
              text: hidden ? "" : m.body_text.slice(0, TEXT_MAX.body),
              hidden,
              status: m.status,
              attempts: m.attempts,
              lastError: m.last_error,
              companyId: m.company_id,
              createdAt: m.created_at,
              sentAt: m.sent_at,
              deliveryStatus: m.delivery_status,
              deliveredAt: m.delivered_at,
              segments: m.segments,
            };
          }),
          total,
          page: q.page,
          pageSize: q.pageSize,
          delivery: { configured: ctx.outbox.isConfigured, channels: ctx.outbox.channels },
        };
      },
    );
  };
