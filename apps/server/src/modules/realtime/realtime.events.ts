import type { TicketStatus } from "@equeue/core";
import type { OperatorStatusValue } from "../../db/tables";
import type {
  DisplayCallDto,
  DisplaySnapshotDto,
  StaffTicketDto,
  TrackingDto,
  WorkplaceDto,
} from "../queue/queue-views.schema";

/**
 * The socket contract (see docs/realtime.md). Every payload carries `at`, the server time its
 * state was read; a client keeps the newest state per thing, so a delta that overtakes the
 * snapshot is never lost.
 */
export const SERVER_EVENT = {
  SNAPSHOT: "snapshot",
  TICKET_CHANGED: "ticket.changed",
  QUEUE_COUNTS: "queue.counts",
  OPERATOR_CHANGED: "operator.changed",
  DISPLAY_CALL: "display.call",
  TRACKING: "ticket.tracking",
} as const;

export const CLIENT_EVENT = { SYNC: "sync" } as const;

export type SnapshotPayload =
  | { audience: "staff"; at: Date; workplace: WorkplaceDto }
  | { audience: "display"; at: Date; display: DisplaySnapshotDto }
  | { audience: "tracker"; at: Date; ticket: TrackingDto };

export type TicketChangedPayload = {
  event: string;
  from: TicketStatus | null;
  ticket: StaffTicketDto;
  at: Date;
};

export type QueueCountsPayload = {
  branchId: string;
  services: { serviceId: string; waiting: number }[];
  at: Date;
};

export type OperatorChangedPayload = {
  staffId: string;
  status: OperatorStatusValue;
  reason: string | null;
  counterId: string | null;
  counterNumber: number | null;
  since: Date;
  takenOver: boolean;
  at: Date;
};

export type ServerToClientEvents = {
  [SERVER_EVENT.SNAPSHOT]: (p: SnapshotPayload) => void;
  [SERVER_EVENT.TICKET_CHANGED]: (p: TicketChangedPayload) => void;
  [SERVER_EVENT.QUEUE_COUNTS]: (p: QueueCountsPayload) => void;
  [SERVER_EVENT.OPERATOR_CHANGED]: (p: OperatorChangedPayload) => void;
  [SERVER_EVENT.DISPLAY_CALL]: (p: { call: DisplayCallDto; at: Date }) => void;
  [SERVER_EVENT.TRACKING]: (p: { ticket: TrackingDto; at: Date }) => void;
};

export type ClientToServerEvents = {
  [CLIENT_EVENT.SYNC]: () => void;
};

/** A service line whose trackers must be recomputed; serviceId "*" means the whole branch. */
export type LineKey = { companyId: string; schema: string; branchId: string; serviceId: string };

export type InterServerEvents = {
  "lines.changed": (keys: LineKey[]) => void;
};

/** Who a socket is, decided once in the handshake. */
export type Audience =
  | {
      kind: "staff";
      companyId: string;
      schema: string;
      staffId: string;
      branchId: string;
      /** When the access token of the handshake expires (ms); the socket is closed then. */
      expiresAt: number;
    }
  | { kind: "display"; companyId: string; schema: string; branchId: string; deviceId: string }
  | {
      kind: "tracker";
      companyId: string;
      schema: string;
      /** The ticket the token names; transfers are followed from it. */
      rootTicketId: string;
      branchId: string;
      serviceId: string;
    };

export type SocketData = { audience: Audience; lastSyncAt: number };

export const rooms = {
  /** Every socket of the company, so that suspending it can disconnect them all at once. */
  company: (companyId: string) => `c:${companyId}`,
  staff: (companyId: string, branchId: string) => `c:${companyId}:b:${branchId}:staff`,
  display: (companyId: string, branchId: string) => `c:${companyId}:b:${branchId}:display`,
  operator: (companyId: string, staffId: string) => `c:${companyId}:op:${staffId}`,
  ticket: (companyId: string, ticketId: string) => `c:${companyId}:t:${ticketId}`,
};
