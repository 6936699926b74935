import { TICKET_ACTION } from "@equeue/core";
import type { Server } from "socket.io";
import type { Db } from "../../db/database";
import { waitingCountsAcrossCompanies, type CompanyBranches } from "../queue";
import type { QueueFact } from "../queue";
import { toDisplayCall, toStaffTicket } from "../queue";
import {
  SERVER_EVENT,
  rooms,
  type ClientToServerEvents,
  type InterServerEvents,
  type LineKey,
  type ServerToClientEvents,
  type SocketData,
} from "./realtime.events";

type Io = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export type Pending = {
  counts: (branchId: string) => void;
  lines: (keys: LineKey[]) => void;
};

/**
 * Sends the immediate events of committed facts and marks what must be recomputed (waiting
 * counts, tracker views). Display boards get only label, counter and service — never a name.
 */
export function publishFacts(
  io: Io,
  company: { id: string; schema_name: string },
  facts: QueueFact[],
  pending: Pending,
): void {
  const c = company.id;
  const line = (branchId: string, serviceId: string): LineKey => ({
    companyId: c,
    schema: company.schema_name,
    branchId,
    serviceId,
  });
  for (const f of facts) {
    if (f.kind === "ticket") {
      const t = f.ticket;
      io.to(rooms.staff(c, f.branchId)).emit(SERVER_EVENT.TICKET_CHANGED, {
        event: f.event,
        from: f.from,
        ticket: toStaffTicket(t),
        at: f.at,
      });
      if (f.event === TICKET_ACTION.CALL || f.event === TICKET_ACTION.RECALL) {
        const call = toDisplayCall(t);
        if (call)
          io.to(rooms.display(c, f.branchId)).emit(SERVER_EVENT.DISPLAY_CALL, { call, at: f.at });
      }
      pending.counts(f.branchId);
      pending.lines([line(f.branchId, t.service_id)]);
    } else {
      const payload = {
        staffId: f.staffId,
        status: f.status,
        reason: f.reason,
        counterId: f.counterId,
        counterNumber: f.counterNumber,
        since: f.since,
        takenOver: f.takenOver,
        at: f.since,
      };
      io.to(rooms.operator(c, f.staffId))
        .to(rooms.staff(c, f.branchId))
        .emit(SERVER_EVENT.OPERATOR_CHANGED, payload);
      // Who is at a counter changes every wait estimate of the branch.
      pending.lines([line(f.branchId, "*")]);
    }
  }
}

/** Companies whose counts one statement recomputes (see waitingCountsAcrossCompanies). */
const COMPANIES_PER_COUNTS_QUERY = 25;

/** Recomputed waiting counts per service, to the branches' boards and staff. */
export async function emitCounts(
  io: Io,
  db: Db,
  branches: { companyId: string; schema: string; branchId: string }[],
  now: Date,
): Promise<void> {
  const byCompany = new Map<string, CompanyBranches>();
  for (const b of branches) {
    const entry = byCompany.get(b.companyId) ?? {
      companyId: b.companyId,
      schema: b.schema,
      branchIds: [],
    };
    entry.branchIds.push(b.branchId);
    byCompany.set(b.companyId, entry);
  }
  const groups = [...byCompany.values()];
  const chunks: CompanyBranches[][] = [];
  for (let i = 0; i < groups.length; i += COMPANIES_PER_COUNTS_QUERY) {
    chunks.push(groups.slice(i, i + COMPANIES_PER_COUNTS_QUERY));
  }
  await eachLimited(chunks, REFRESH_CONCURRENCY, async (chunk) => {
    const counts = await waitingCountsAcrossCompanies(db, chunk);
    for (const [key, services] of counts) {
      const [companyId, branchId] = key.split(":") as [string, string];
      io.to(rooms.display(companyId, branchId))
        .to(rooms.staff(companyId, branchId))
        .emit(SERVER_EVENT.QUEUE_COUNTS, { branchId, services, at: now });
    }
  });
}

/**
 * How many companies one realtime pass works on at once. One at a time, a pass touching a
 * hundred companies waits its turn in the pool a hundred times in a row and its updates arrive
 * seconds late; all at once, it would take every pooled connection from the commands.
 */
export const REFRESH_CONCURRENCY = 4;

/** Runs `fn` on every item, at most `limit` at a time. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
