import {
  OUTBOX_STATUSES,
  type OutboxMessageDto,
  type OutboxPageDto,
  type OutboxStatus,
  type Wire,
} from "@equeue/contracts";
import { toQuery } from "../../../lib/api/http";
import { platformSession } from "../../../lib/auth/sessions";

export { OUTBOX_STATUSES, type OutboxStatus };

export type OutboxMessage = Wire<OutboxMessageDto>;

export type OutboxPage = Wire<OutboxPageDto>;
export type OutboxParams = { status: OutboxStatus | ""; page: number };

export const listOutbox = (p: OutboxParams) =>
  platformSession.request<OutboxPage>(`/outbox${toQuery(p)}`);
