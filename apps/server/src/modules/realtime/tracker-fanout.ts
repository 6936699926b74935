import { TICKET_STATUS, isFinalStatus } from "@equeue/core";
import type { FastifyBaseLogger } from "fastify";
import type { Socket } from "socket.io";
import type { Db } from "../../db/database";
import { companyDb } from "../tenancy";
import type { I18nText } from "../../db/tables";
import type { TrackingDto } from "../queue";
import type { TicketView } from "../queue";
import { atCounterView, trackingViews } from "../queue";
import { REFRESH_CONCURRENCY, eachLimited } from "./realtime.publish";
import {
  SERVER_EVENT,
  type ClientToServerEvents,
  type InterServerEvents,
  type LineKey,
  type ServerToClientEvents,
  type SocketData,
} from "./realtime.events";

export type QueueSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

const CHUNK = 1000;
/** Tracker messages sent in one go before the event loop gets a turn (a batch can be 1,000). */
const EMITS_PER_SLICE = 200;

function addTo(map: Map<string, Set<QueueSocket>>, key: string, socket: QueueSocket) {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(socket);
}

function removeFrom(map: Map<string, Set<QueueSocket>>, key: string, socket: QueueSocket) {
  const set = map.get(key);
  set?.delete(socket);
  if (set?.size === 0) map.delete(key);
}

/**
 * Ticket trackers connected to THIS process, indexed by the service line they wait in. When a
 * line changes, each process recomputes only its own trackers of that line in one pass (one
 * query per line, not one per ticket) and sends each tracker its own view — no other
 * customer's data ever travels to a tracker, and Redis carries one message per line change.
 */
export class TrackerFanout {
  private readonly byLine = new Map<string, Set<QueueSocket>>();
  private readonly byBranch = new Map<string, Set<QueueSocket>>();
  /** Branch names seen in tracking views, so a call can be pushed without a read. */
  private readonly branchNames = new Map<string, I18nText>();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  private keys(socket: QueueSocket) {
    const a = socket.data.audience;
    if (a.kind !== "tracker") return null;
    return {
      line: `${a.companyId}:${a.branchId}:${a.serviceId}`,
      branch: `${a.companyId}:${a.branchId}`,
    };
  }

  add(socket: QueueSocket): void {
    const k = this.keys(socket);
    if (!k) return;
    addTo(this.byLine, k.line, socket);
    addTo(this.byBranch, k.branch, socket);
  }

  remove(socket: QueueSocket): void {
    const k = this.keys(socket);
    if (!k) return;
    removeFrom(this.byLine, k.line, socket);
    removeFrom(this.byBranch, k.branch, socket);
  }

  get size(): number {
    let n = 0;
    for (const set of this.byBranch.values()) n += set.size;
    return n;
  }

  /** True when this process has trackers the key concerns (so the query is worth running). */
  concerns(key: LineKey): boolean {
    return key.serviceId === "*"
      ? this.byBranch.has(`${key.companyId}:${key.branchId}`)
      : this.byLine.has(`${key.companyId}:${key.branchId}:${key.serviceId}`);
  }

  /** Remembers the branch name a tracking view carries (views are read anyway). */
  rememberBranch(companyId: string, branchId: string, name: I18nText): void {
    if (this.branchNames.size > 100_000) this.branchNames.clear();
    this.branchNames.set(`${companyId}:${branchId}`, name);
  }

  /**
   * The view to push to a ticket's trackers the moment it is called — before the line's pass
   * recomputes everyone — or null when this process has not seen the branch's name yet (the pass
   * then brings it). Stamped now, after the commit: a pass that read the line before the call is
   * older, and screens keep the newest view.
   */
  calledView(companyId: string, ticket: TicketView): TrackingDto | null {
    const name = this.branchNames.get(`${companyId}:${ticket.branch_id}`);
    return name ? atCounterView(ticket, name, new Date()) : null;
  }

  async refresh(keys: LineKey[], now: Date): Promise<void> {
    const targets = new Map<string, { schema: string; sockets: Set<QueueSocket> }>();
    for (const key of keys) {
      const set =
        key.serviceId === "*"
          ? this.byBranch.get(`${key.companyId}:${key.branchId}`)
          : this.byLine.get(`${key.companyId}:${key.branchId}:${key.serviceId}`);
      if (!set) continue;
      let t = targets.get(key.companyId);
      if (!t) targets.set(key.companyId, (t = { schema: key.schema, sockets: new Set() }));
      for (const s of set) t.sockets.add(s);
    }
    const batches: { schema: string; sockets: QueueSocket[] }[] = [];
    for (const { schema, sockets } of targets.values()) {
      const list = [...sockets];
      for (let i = 0; i < list.length; i += CHUNK)
        batches.push({ schema, sockets: list.slice(i, i + CHUNK) });
    }
    await eachLimited(batches, REFRESH_CONCURRENCY, (b) =>
      this.send(b.schema, b.sockets, now).catch((err: unknown) =>
        this.log.error({ err }, "tracker refresh failed"),
      ),
    );
  }

  private async send(schema: string, sockets: QueueSocket[], now: Date): Promise<void> {
    const ids = new Set<string>();
    for (const s of sockets) {
      const a = s.data.audience;
      if (a.kind === "tracker") ids.add(a.rootTicketId);
    }
    const views = await trackingViews(companyDb(this.db, { schema_name: schema }), [...ids], now);
    let sent = 0;
    for (const socket of sockets) {
      // Let calls, board updates and requests through between slices of a big batch.
      if (++sent % EMITS_PER_SLICE === 0) await new Promise((r) => setImmediate(r));
      const a = socket.data.audience;
      if (a.kind !== "tracker" || !socket.connected) continue;
      const tracked = views.get(a.rootTicketId);
      if (!tracked) continue;
      this.rememberBranch(a.companyId, tracked.branchId, tracked.view.branchName);
      if (tracked.branchId !== a.branchId || tracked.serviceId !== a.serviceId) {
        // A transfer moved the customer to another line: follow it.
        this.remove(socket);
        socket.data.audience = { ...a, branchId: tracked.branchId, serviceId: tracked.serviceId };
        this.add(socket);
      }
      socket.emit(SERVER_EVENT.TRACKING, { ticket: tracked.view, at: tracked.view.at });
      // Served, cancelled, no-show, expired: nothing about this ticket changes any more, so its
      // page is not recomputed with the line again (it stays connected; a reconnect re-reads it).
      const status = tracked.view.status;
      if (isFinalStatus(status) && status !== TICKET_STATUS.TRANSFERRED) this.remove(socket);
    }
  }
}
