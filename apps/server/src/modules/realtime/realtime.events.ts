/**
 * The socket contract lives in @equeue/contracts (the web's client is typed by the same map);
 * this file adds what only the server knows: audiences, rooms and the events between nodes.
 */
export {
  CLIENT_EVENT,
  SERVER_EVENT,
  type ClientToServerEvents,
  type OperatorChangedPayload,
  type QueueCountsPayload,
  type ServerToClientEvents,
  type SnapshotPayload,
  type TicketChangedPayload,
} from "@equeue/contracts";

/** A service line whose trackers must be recomputed; serviceId "*" means the whole branch. */
export type LineKey = { companyId: string; schema: string; branchId: string; serviceId: string };

export type InterServerEvents = {
  "lines.changed": (keys: LineKey[]) => void;
  /** A device was revoked or unpaired somewhere: forget the device tokens this node checked. */
  "devices.forget": () => void;
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
  | { kind: "kiosk"; companyId: string; schema: string; branchId: string; deviceId: string }
  | {
      kind: "tracker";
      companyId: string;
      schema: string;
      /** The ticket the token names; transfers are followed from it. */
      rootTicketId: string;
      branchId: string;
      serviceId: string;
    }
  | {
      /** A signed-in portal customer: one account across companies, so no company of its own. */
      kind: "customer";
      customerId: string;
      /** E.164: the key of the platform's ticket index. */
      phone: string;
      /** When the access token of the handshake expires (ms); the socket is closed then. */
      expiresAt: number;
    };

/** The audiences that belong to one company (everyone but the portal's customers). */
export type CompanyAudience = Exclude<Audience, { kind: "customer" }>;

export type SocketData = { audience: Audience; lastSyncAt: number };

export const rooms = {
  /** Every socket of the company, so that suspending it can disconnect them all at once. */
  company: (companyId: string) => `c:${companyId}`,
  staff: (companyId: string, branchId: string) => `c:${companyId}:b:${branchId}:staff`,
  display: (companyId: string, branchId: string) => `c:${companyId}:b:${branchId}:display`,
  operator: (companyId: string, staffId: string) => `c:${companyId}:op:${staffId}`,
  ticket: (companyId: string, ticketId: string) => `c:${companyId}:t:${ticketId}`,
  /** One paired device (board or kiosk): its settings changes and its revoke. */
  device: (companyId: string, deviceId: string) => `c:${companyId}:dev:${deviceId}`,
  /** Every paired device's socket on the platform (the Super Admin's "devices online"). */
  devices: "devices",
  /** A portal customer's sockets, by their proven phone (E.164), in every company. */
  customer: (phone: string) => `customer:${phone}`,
};
