import type { TicketAction, TicketStatus } from "@equeue/core";
import type { RawBuilder, Selectable } from "kysely";
import type { Db } from "../../db/database";
import type { I18nText, OperatorStatusValue, TicketsTable } from "../../db/tables";
import type { CompanyRecord } from "../tenancy";

/** A company-bound query handle (plain or inside a transaction); see `companyDb`. */
export type CompanyQueryDb = ReturnType<Db["withSchema"]>;

export type TicketRow = Selectable<TicketsTable>;

/** A ticket with what every screen shows beside it: the service name and the counter number. */
export type TicketView = TicketRow & {
  service_name: I18nText;
  counter_number: number | null;
};

/** Who acts on a ticket, as the event log records it. */
export type TicketActor = { staffId: string | null; counterId: string | null };

/** Actions beyond the state machine's that the event log also records. */
export const TICKET_EVENT = {
  ISSUE: "ISSUE",
  TRANSFER_IN: "TRANSFER_IN",
  /** A booking moved to another time by its holder (status stays BOOKED). */
  RESCHEDULE: "RESCHEDULE",
  /** A finished visit rated by the ticket's holder (status stays COMPLETED; data: stars, comment). */
  RATE: "RATE",
} as const;
export type TicketEventType = TicketAction | (typeof TICKET_EVENT)[keyof typeof TICKET_EVENT];

/**
 * Something that changed in a committed transaction. Commands collect these while they work;
 * the realtime hub turns them into audience-specific events only after the commit.
 */
export type QueueFact =
  | {
      kind: "ticket";
      branchId: string;
      ticket: TicketView;
      event: TicketEventType;
      from: TicketStatus | null;
      at: Date;
    }
  | {
      kind: "operator";
      branchId: string;
      staffId: string;
      status: OperatorStatusValue;
      reason: string | null;
      counterId: string | null;
      counterNumber: number | null;
      since: Date;
      /** The operator moved here from another counter (the old screen should give up). */
      takenOver: boolean;
    };

/** Where committed facts go (the realtime hub); publishing never fails the command. */
export type QueuePublisher = {
  publish: (company: { id: string; schema_name: string }, facts: QueueFact[]) => void;
};

/**
 * A booking's hold on its slot, made by the booking module and run by the issue command: `lock`
 * takes the slot's lock first in the issue transaction; `taken` (SQL) counts the places already
 * held in the slot and runs in the same statement as the insert, after the lock is granted, so
 * the ticket is written only while `taken < capacity`; otherwise `full()` is thrown.
 */
export type SlotClaim = {
  lock: (db: CompanyQueryDb) => Promise<void>;
  taken: RawBuilder<number>;
  capacity: number;
  full: () => Error;
};

/**
 * How the issue command gets a booking's slot claim without importing the booking module (it
 * imports the queue): the app context passes the booking module's implementation in QueueDeps.
 * `online` bookings (the portal's) are held to the branch's online cap; staff may fill the slot.
 */
export type SlotClaims = {
  claim: (
    company: CompanyRecord,
    slot: { branchId: string; serviceId: string; startsAt: Date; online: boolean },
    now: Date,
  ) => Promise<SlotClaim>;
};
