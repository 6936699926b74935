import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { OUTBOX_STATUSES } from "../outbox";
import { TEXT_MAX } from "./answer-text";

/** What the Super Admin's pages read: the audit log, the notification outbox, the figures. */

/** One audit entry: who did what, when and from where (`GET /api/platform/audit`). */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.date(),
  actorType: z.string().max(TEXT_MAX.word),
  actorEmail: z.string().max(TEXT_MAX.email).nullable(),
  companyId: z.string().max(TEXT_MAX.id).nullable(),
  companySlug: z.string().max(TEXT_MAX.slug).nullable(),
  action: z.string().max(TEXT_MAX.word),
  targetType: z.string().max(TEXT_MAX.word).nullable(),
  targetId: z.string().max(TEXT_MAX.targetId).nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().max(TEXT_MAX.ip).nullable(),
  requestId: z.string().max(TEXT_MAX.requestId).nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

/** A page of a Super Admin's list: its items and where it stands in the whole. */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: listOf(LIST_MAX.page, item),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
  });

export const auditPageResponse = pageOf(auditEntrySchema);

export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);

/** One outgoing message (`GET /api/platform/outbox`). */
export const outboxMessageSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  channel: z.string().max(TEXT_MAX.word),
  to: z.string().max(TEXT_MAX.url).describe("An e-mail address, phone, chat or push address"),
  subject: z.string().max(TEXT_MAX.subject).describe("Cut to its first 500 characters"),
  text: z
    .string()
    .max(TEXT_MAX.body)
    .describe("Cut to its first 10,000 characters; empty when `hidden`"),
  hidden: z
    .boolean()
    .describe(
      "It carries a sign-in code or a one-time password and its channel sends: the text is the recipient's alone",
    ),
  status: outboxStatusSchema,
  attempts: z.number(),
  lastError: z.string().max(TEXT_MAX.error).nullable(),
  companyId: z.string().max(TEXT_MAX.id).nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  /** What the provider reported after sending (an SMS gateway's delivery report). */
  deliveryStatus: z.string().max(TEXT_MAX.word).nullable(),
  deliveredAt: z.date().nullable(),
  /** SMS segments the text takes (what the gateway bills). */
  segments: z.number().nullable(),
});
export type OutboxMessageDto = z.infer<typeof outboxMessageSchema>;

/** Whether the platform can send at all, and over which channels. */
export const outboxDeliverySchema = z.object({
  configured: z.boolean(),
  channels: listOf(LIST_MAX.channels, z.string().max(TEXT_MAX.word)),
});
export type OutboxDeliveryDto = z.infer<typeof outboxDeliverySchema>;

export const outboxPageResponse = pageOf(outboxMessageSchema).extend({
  delivery: outboxDeliverySchema,
});
export type OutboxPageDto = z.infer<typeof outboxPageResponse>;

const n = z.number();
const kinds = z.object({ DISPLAY: n, KIOSK: n });

/** The platform at a glance (`GET /api/platform/figures`). */
export const figuresResponse = z.object({
  at: z.date(),
  companies: z.object({
    byStatus: z.object({ INACTIVE: n, ACTIVE: n, SUSPENDED: n, DELETED: n }),
    total: n,
  }),
  tickets: z.object({
    from: z.string().max(TEXT_MAX.day),
    days: listOf(
      LIST_MAX.figureDays,
      z.object({ day: z.string().max(TEXT_MAX.day), tickets: n, served: n }),
    ).describe("Per branch-local day: tickets taken (into the line or booked) and served"),
    unreadCompanies: listOf(
      LIST_MAX.unreadCompanies,
      z.object({ companyId: z.string().max(TEXT_MAX.id), slug: z.string().max(TEXT_MAX.slug) }),
    ).describe("Companies whose figures could not be read (a schema that failed to migrate)"),
  }),
  devices: z.object({
    paired: kinds,
    online: kinds.describe("Paired devices with a live connection now"),
  }),
  outbox: listOf(
    LIST_MAX.channels,
    z.object({
      channel: z.string().max(TEXT_MAX.word),
      pending: n,
      failed: n,
      oldestPendingSeconds: n.nullable(),
    }),
  ),
});
export type PlatformFiguresDto = z.infer<typeof figuresResponse>;
