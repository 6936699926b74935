import type {
  DisplayCallDto,
  DisplaySnapshotDto,
  StaffTicketDto,
  TrackingDto,
  WaitingCountDto,
  WorkplaceDto,
} from "./schemas/queue-views";
import type { OperatorStatus } from "./staff";
import type { TicketStatus } from "./ticket";
import type { Wire } from "./wire";

/**
 * The socket contract (see docs/realtime.md): a snapshot on every (re)connect, then deltas.
 * Every payload carries `at`, the server time its state was read; a client keeps the newest
 * state per thing, so a delta that overtakes the snapshot is never lost.
 */
export const SERVER_EVENT = {
  SNAPSHOT: "snapshot",
  TICKET_CHANGED: "ticket.changed",
  QUEUE_COUNTS: "queue.counts",
  OPERATOR_CHANGED: "operator.changed",
  DISPLAY_CALL: "display.call",
  TRACKING: "ticket.tracking",
  /** A paired device's settings changed: read them again now. */
  DEVICE_SETTINGS: "device.settings",
  /** A paired device was revoked or unpaired: its token no longer works; the socket closes. */
  DEVICE_REVOKED: "device.revoked",
  /** One of the signed-in customer's tickets changed, in any company: read "my tickets" again. */
  MY_TICKETS: "customer.tickets",
  WAIT_ALERT: "wait.alert",
} as const;

/** Asks the server for a fresh snapshot over the socket (at most once a second). */
export const CLIENT_EVENT = { SYNC: "sync" } as const;

/** Socket.IO is served under the API, so one proxy rule covers both. */
export const REALTIME_PATH = "/api/socket.io";

export type SnapshotPayload =
  | { audience: "staff"; at: Date; workplace: WorkplaceDto }
  | { audience: "display"; at: Date; display: DisplaySnapshotDto }
  | { audience: "tracker"; at: Date; ticket: TrackingDto }
  /** A kiosk keeps no queue state on the socket: on every (re)connect it reads its snapshot. */
  | { audience: "kiosk"; at: Date; deviceId: string };

export type TicketChangedPayload = {
  /** The ticket event that caused the change (a ticket action, or "ISSUED"). */
  event: string;
  from: TicketStatus | null;
  ticket: StaffTicketDto;
  at: Date;
};

export type QueueCountsPayload = {
  branchId: string;
  services: WaitingCountDto[];
  at: Date;
};

export type OperatorChangedPayload = {
  staffId: string;
  status: OperatorStatus;
  reason: string | null;
  counterId: string | null;
  counterNumber: number | null;
  since: Date;
  /** True when the operator started work at another counter, closing the old session. */
  takenOver: boolean;
  at: Date;
};

export type DisplayCallPayload = { call: DisplayCallDto; at: Date };
export type TrackingPayload = { ticket: TrackingDto; at: Date };
export type DeviceChangedPayload = { deviceId: string; at: Date };
/** Only a signal (the list is read over HTTP): which tickets changed, and when. */
export type MyTicketsPayload = { ticketIds: string[]; at: Date };

/** A service's longest wait has passed its target (once per episode, to the branch's staff). */
export type WaitAlertPayload = {
  branchId: string;
  serviceId: string;
  serviceName: Record<string, string>;
  longestWaitMinutes: number;
  targetMinutes: number;
  at: Date;
};

/** What the server emits, as the server holds it (`Date`s); socket.io's `Server` generics. */
export type ServerToClientEvents = {
  [SERVER_EVENT.SNAPSHOT]: (p: SnapshotPayload) => void;
  [SERVER_EVENT.TICKET_CHANGED]: (p: TicketChangedPayload) => void;
  [SERVER_EVENT.QUEUE_COUNTS]: (p: QueueCountsPayload) => void;
  [SERVER_EVENT.OPERATOR_CHANGED]: (p: OperatorChangedPayload) => void;
  [SERVER_EVENT.DISPLAY_CALL]: (p: DisplayCallPayload) => void;
  [SERVER_EVENT.TRACKING]: (p: TrackingPayload) => void;
  [SERVER_EVENT.DEVICE_SETTINGS]: (p: DeviceChangedPayload) => void;
  [SERVER_EVENT.DEVICE_REVOKED]: (p: DeviceChangedPayload) => void;
  [SERVER_EVENT.MY_TICKETS]: (p: MyTicketsPayload) => void;
  [SERVER_EVENT.WAIT_ALERT]: (p: WaitAlertPayload) => void;
};

export type ServerEventName = keyof ServerToClientEvents;

/** The payload of `event` as the browser receives it (dates as ISO strings). */
export type WirePayload<E extends ServerEventName> = Wire<Parameters<ServerToClientEvents[E]>[0]>;

/** The same events as a browser receives them; socket.io-client's `Socket` generics. */
export type WireServerToClientEvents = {
  [E in ServerEventName]: (p: WirePayload<E>) => void;
};

export type ClientToServerEvents = {
  [CLIENT_EVENT.SYNC]: () => void;
};

/** The handshake (`auth`) of each audience; the server refuses unknown fields. */
export type RealtimeAuth =
  /** A signed-in staff member of `slug`; `branchId` picks the branch of a multi-branch manager. */
  | { slug: string; token: string; branchId?: string }
  /** A paired display board or kiosk. */
  | { slug: string; deviceToken: string }
  /** A ticket tracker (whoever holds the ticket's link). */
  | { slug: string; ticketToken: string }
  /** A signed-in portal customer (customer-realm access token): changes to their own tickets. */
  | { customerToken: string };
