import { toQuery } from "../../../lib/api/http";
import type { Page } from "../../../lib/api/types";
import { platformSession } from "../../../lib/auth/sessions";

export const OUTBOX_STATUSES = ["PENDING", "SENT", "FAILED", "SKIPPED"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type OutboxMessage = {
  id: string;
  channel: string;
  to: string;
  subject: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  companyId: string | null;
  createdAt: string;
  sentAt: string | null;
  /** What the provider reported after sending (an SMS delivery report). */
  deliveryStatus: string | null;
  segments: number | null;
};

export type OutboxPage = Page<OutboxMessage> & { delivery: { configured: boolean } };
export type OutboxParams = { status: OutboxStatus | ""; page: number };

export const listOutbox = (p: OutboxParams) =>
  platformSession.request<OutboxPage>(`/outbox${toQuery(p)}`);
