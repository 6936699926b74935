import type { TicketStatus } from "@equeue/core";
import type { LocalizedText } from "../../../lib/localized";

// Shapes of the server's queue API (apps/server/src/modules/queue/queue-views.schema.ts), as JSON.

export type TicketSource = "ONLINE" | "KIOSK" | "WALK_IN";
export type OperatorStatus = "AVAILABLE" | "BREAK" | "AWAY" | "OFFLINE";

/** A ticket as staff see it (names and phones included: staff serve these people). */
export type QueueTicket = {
  id: string;
  label: string;
  status: TicketStatus;
  source: TicketSource;
  branchId: string;
  serviceId: string;
  serviceName: LocalizedText;
  priority: number;
  booked: boolean;
  appointmentAt: string | null;
  queuedAt: string | null;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  counterNumber: number | null;
  operatorId: string | null;
  reservedForOperatorId: string | null;
  recallCount: number;
  customerName: string | null;
  customerPhone: string | null;
  outcomeNote: string | null;
  transferredFrom: string | null;
  trackingToken: string;
};

/** Where the operator works now; null until a counter is chosen. */
export type CounterSession = {
  branchId: string;
  counterId: string;
  counterNumber: number;
  status: OperatorStatus;
  reason: string | null;
  since: string;
};

export type WaitingList = { total: number; items: QueueTicket[] };

/** Everything the operator's screen shows, as one snapshot (GET and socket). */
export type Workplace = {
  operator: {
    id: string;
    name: string;
    role: string;
    status: OperatorStatus;
    session: CounterSession | null;
  };
  branch: {
    id: string;
    name: LocalizedText;
    timeZone: string;
    /** Not sent by the server yet; the screen falls back to the engine's default grace. */
    noShowGraceSeconds?: number;
  } | null;
  services: Array<{ id: string; name: LocalizedText; letter: string }>;
  current: QueueTicket | null;
  waiting: { online: WaitingList; kiosk: WaitingList; walkIn: WaitingList };
  today: {
    day: string | null;
    served: number;
    averageServiceSeconds: number | null;
    waitingNow: number;
  };
  at: string;
};

export type ServiceOption = { id: string; name: LocalizedText };
export type OperatorOption = { id: string; name: string; counterNumber: number | null };
export type CounterOption = {
  id: string;
  number: number;
  name: string | null;
  occupiedBy: { id: string; name: string } | null;
};

/** GET /queue/directory: what a counter screen needs to know about its branch. */
export type BranchDirectory = {
  branch: { id: string; name: LocalizedText } | null;
  counters: CounterOption[];
  services: (ServiceOption & { letter: string })[];
  operators: (OperatorOption & { status: OperatorStatus; serviceIds: string[] })[];
};

export type TransferTarget = { serviceId: string } | { operatorId: string };

export type WalkInInput = {
  serviceId: string;
  customerName?: string;
  customerPhone?: string;
};
