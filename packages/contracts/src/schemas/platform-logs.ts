import { z } from "zod";
import { OUTBOX_STATUSES } from "../outbox";

/** What the Super Admin's log pages read: the audit log and the notification outbox. */

/** One audit entry: who did what, when and from where (`GET /api/platform/audit`). */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.date(),
  actorType: z.string(),
  actorEmail: z.string().nullable(),
  companyId: z.string().nullable(),
  companySlug: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);

/** One outgoing message (`GET /api/platform/outbox`). */
export const outboxMessageSchema = z.object({
  id: z.string(),
  channel: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: outboxStatusSchema,
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
export type OutboxMessageDto = z.infer<typeof outboxMessageSchema>;

/** Whether the platform can send at all, and over which channels. */
export const outboxDeliverySchema = z.object({
  configured: z.boolean(),
  channels: z.array(z.string()),
});
export type OutboxDeliveryDto = z.infer<typeof outboxDeliverySchema>;
