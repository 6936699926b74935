import { randomUUID } from "node:crypto";
import type { TicketSource } from "@equeue/core";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import type { DomainEvent } from "../events";
import { companyDb, type CompanyRecord } from "../tenancy";

let seq = 0;

export type FixtureEvent = {
  at: string;
  type: string;
  from: string | null;
  to: string;
  operatorId?: string | null;
};

/**
 * Inserts a ticket (in its final status) and its events with the given times, straight into the
 * company's tables: the reports' fixtures need exact instants, which the commands take from now.
 */
export async function insertTicketHistory(
  db: Db,
  company: CompanyRecord,
  t: {
    branchId: string;
    serviceId: string;
    source: TicketSource;
    appointmentAt?: string;
    events: FixtureEvent[];
  },
): Promise<string> {
  const q = companyDb(db, company);
  const number = ++seq;
  const last = t.events[t.events.length - 1]!;
  const { id } = await q
    .insertInto("tickets")
    .values({
      branch_id: t.branchId,
      service_id: t.serviceId,
      day: t.events[0]!.at.slice(0, 10),
      series: "F",
      number,
      label: `F${number}`,
      source: t.source,
      status: last.to as never,
      appointment_at: t.appointmentAt ?? null,
      token: randomUUID(),
      created_at: t.events[0]!.at,
      updated_at: last.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const e of t.events) {
    await q
      .insertInto("ticket_events")
      .values({
        ticket_id: id,
        at: e.at,
        type: e.type,
        from_status: e.from,
        to_status: e.to,
        operator_id: e.operatorId ?? null,
        data: "{}",
      })
      .execute();
  }
  return id;
}

/** A ticket issued into the line, called, started and finished by `operatorId`. */
export const served = (
  operatorId: string,
  issue: string,
  call: string,
  start: string,
  finish: string,
): FixtureEvent[] => [
  { at: issue, type: "ISSUE", from: null, to: "WAITING" },
  { at: call, type: "CALL", from: "WAITING", to: "CALLED", operatorId },
  { at: start, type: "START", from: "CALLED", to: "SERVING", operatorId },
  { at: finish, type: "FINISH", from: "SERVING", to: "COMPLETED", operatorId },
];

/**
 * Every stored event of the company as the dispatcher hands them to subscribers, in its order:
 * by the writing transaction (the xid8 itself: its text sorts "998" after "1004"), then id.
 */
export async function storedEvents(db: Db, company: CompanyRecord): Promise<DomainEvent[]> {
  const rows = await companyDb(db, company)
    .selectFrom("ticket_events")
    .select([
      "id",
      sql<string>`tx::text`.as("tx"),
      "ticket_id",
      "at",
      "type",
      "from_status",
      "to_status",
      "operator_id",
      "counter_id",
      "data",
    ])
    .orderBy(sql`ticket_events.tx`)
    .orderBy("id")
    .execute();
  return rows.map((e) => ({
    id: Number(e.id),
    tx: e.tx,
    ticketId: e.ticket_id,
    at: e.at,
    type: e.type,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    operatorId: e.operator_id,
    counterId: e.counter_id,
    data: e.data,
  }));
}
