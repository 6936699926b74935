import type {
  BranchDirectoryDto,
  SessionDto,
  StaffTicketDto,
  WaitingListDto,
  Wire,
  WorkplaceDto,
} from "@equeue/contracts";
import type { LocalizedText } from "../../../lib/localized";

// The server's queue answers (@equeue/contracts), as JSON.

export type { OperatorStatus, TicketSource } from "@equeue/contracts";

/** A ticket as staff see it (names and phones included: staff serve these people). */
export type QueueTicket = Wire<StaffTicketDto>;

/** Where the operator works now; null until a counter is chosen. */
export type CounterSession = Wire<SessionDto>;

export type WaitingList = Wire<WaitingListDto>;

/** Everything the operator's screen shows, as one snapshot (GET and socket). */
export type Workplace = Wire<WorkplaceDto>;

export type ServiceOption = { id: string; name: LocalizedText };
export type OperatorOption = { id: string; name: string; counterNumber: number | null };
export type CounterOption = BranchDirectory["counters"][number];

/** GET /queue/directory: what a counter screen needs to know about its branch. */
export type BranchDirectory = Wire<BranchDirectoryDto>;

export type TransferTarget = { serviceId: string } | { operatorId: string };

export type WalkInInput = {
  serviceId: string;
  customerName?: string;
  customerPhone?: string;
};
