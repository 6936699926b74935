import {
  OUTBOX_STATUSES,
  type OutboxDeliveryDto,
  type OutboxMessageDto,
  type OutboxStatus,
  type Wire,
} from "@equeue/contracts";
import { toQuery } from "../../../lib/api/http";
import type { Page } from "../../../lib/api/types";
import { platformSession } from "../../../lib/auth/sessions";

export { OUTBOX_STATUSES, type OutboxStatus };

export type OutboxMessage = Wire<OutboxMessageDto>;

export type OutboxPage = Page<OutboxMessage> & { delivery: Wire<OutboxDeliveryDto> };
export type OutboxParams = { status: OutboxStatus | ""; page: number };

export const listOutbox = (p: OutboxParams) =>
  platformSession.request<OutboxPage>(`/outbox${toQuery(p)}`);
