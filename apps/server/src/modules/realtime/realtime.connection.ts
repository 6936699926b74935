import { decodeJwt } from "jose";
import { z } from "zod";
import { AppError } from "../../shared/app-error";
import {
  findDeviceCaller,
  findTicketHolder,
  type DeviceDeps,
  requireBranchAccess,
  resolveCustomer,
  verifyStaffToken,
  type AccessDeps,
} from "../access";
import { displaySnapshot } from "../queue";
import { loadStaffWorkplace, workplaceBranchId } from "../queue";
import { locateTicket, trackingViews } from "../queue";
import { workplaceState } from "../queue";
import { companyDb, type CompanyDirectory } from "../tenancy";
import { findServableCompany } from "../tenancy";
import {
  CLIENT_EVENT,
  SERVER_EVENT,
  rooms,
  type Audience,
  type CompanyAudience,
  type SnapshotPayload,
} from "./realtime.events";
import type { QueueSocket, TrackerFanout } from "./tracker-fanout";

const slug = z.string().regex(/^[a-z0-9-]{1,63}$/, "Give the company's slug.");
const handshakeSchema = z.union([
  z.strictObject({ slug, token: z.string().min(1), branchId: z.uuid().optional() }),
  z.strictObject({ slug, deviceToken: z.string().min(1).max(200) }),
  z.strictObject({ slug, ticketToken: z.string().min(1).max(128) }),
  z.strictObject({ customerToken: z.string().min(1).max(4000) }),
]);

// A client asking for a fresh snapshot more often than this gets the one it has.
const SYNC_MIN_INTERVAL_MS = 1000;

const refuse = (code: AppError["code"], message: string) => new AppError(code, message);

/** What the gateway needs from the app: the database, tokens and the company directory. */
export type RealtimeDeps = AccessDeps &
  DeviceDeps & {
    directory: CompanyDirectory;
    config: { REDIS_URL?: string | undefined };
  };

/**
 * Decides who a connecting socket is, from its handshake `auth`, exactly as an HTTP request's
 * caller is decided (tenancy, then the access module); refuses anyone else.
 */
export async function authenticateSocket(ctx: RealtimeDeps, auth: unknown): Promise<Audience> {
  const parsed = handshakeSchema.safeParse(auth);
  if (!parsed.success) {
    throw refuse(
      "UNAUTHENTICATED",
      "Connect with auth { slug, token } (staff), { slug, deviceToken } (display), { slug, ticketToken } (ticket) or { customerToken } (portal customer).",
    );
  }
  const a = parsed.data;
  if ("customerToken" in a) {
    // The customer realm only: a staff or super admin token is refused (WRONG_REALM).
    const customer = await resolveCustomer(ctx, a.customerToken);
    const exp = decodeJwt(a.customerToken).exp ?? 0;
    return {
      kind: "customer",
      customerId: customer.customerId,
      phone: customer.phone,
      expiresAt: exp * 1000,
    };
  }
  const company = await findServableCompany(ctx.directory, a.slug);
  const base = { companyId: company.id, schema: company.schema_name };
  const db = companyDb(ctx.db, company);
  if ("token" in a) {
    const claims = await verifyStaffToken(ctx.tokens, company, a.token);
    // The staff caller and where it works, in one read: the branch to follow defaults to it.
    const scope = await loadStaffWorkplace(ctx.db, company, claims.sub);
    if (a.branchId) requireBranchAccess(scope, a.branchId);
    const branchId = a.branchId ?? workplaceBranchId(scope);
    if (!branchId) throw refuse("VALIDATION_FAILED", "Say which branch to follow (auth.branchId).");
    const exp = decodeJwt(a.token).exp ?? 0;
    return { kind: "staff", ...base, staffId: scope.staffId, branchId, expiresAt: exp * 1000 };
  }
  if ("deviceToken" in a) {
    const device = await findDeviceCaller(ctx, company, a.deviceToken);
    if (!device) throw refuse("UNAUTHENTICATED", "This device is not paired (or was unpaired).");
    const kind = device.deviceKind === "DISPLAY" ? "display" : "kiosk";
    return { kind, ...base, branchId: device.branchId, deviceId: device.deviceId };
  }
  const holder = await findTicketHolder(db, company.id, a.ticketToken);
  const tracked = holder ? await locateTicket(db, holder.ticketId) : undefined;
  if (!holder || !tracked) throw refuse("NOT_FOUND", "There is no ticket with this link.");
  return {
    kind: "tracker",
    ...base,
    rootTicketId: holder.ticketId,
    branchId: tracked.branchId,
    serviceId: tracked.serviceId,
  };
}

/** The full state this audience may see, read now. */
export async function snapshotFor(
  ctx: RealtimeDeps,
  audience: CompanyAudience,
): Promise<SnapshotPayload> {
  const db = companyDb(ctx.db, { schema_name: audience.schema });
  const at = new Date();
  switch (audience.kind) {
    case "staff": {
      const scope = await loadStaffWorkplace(
        ctx.db,
        { id: audience.companyId, schema_name: audience.schema },
        audience.staffId,
      );
      const workplace = await workplaceState(db, scope, at, audience.branchId);
      return { audience: "staff", at, workplace };
    }
    case "display": {
      const company = await ctx.db
        .selectFrom("platform.companies")
        .selectAll()
        .where("id", "=", audience.companyId)
        .executeTakeFirstOrThrow();
      const display = await displaySnapshot(db, company, audience.branchId, at);
      return { audience: "display", at, display };
    }
    case "kiosk":
      return { audience: "kiosk", at, deviceId: audience.deviceId };
    case "tracker": {
      const tracked = (await trackingViews(db, [audience.rootTicketId], at)).get(
        audience.rootTicketId,
      );
      if (!tracked) throw refuse("NOT_FOUND", "The ticket is gone.");
      return { audience: "tracker", at, ticket: tracked.view };
    }
  }
}

function roomsOf(a: CompanyAudience): string[] {
  switch (a.kind) {
    case "staff":
      return [rooms.staff(a.companyId, a.branchId), rooms.operator(a.companyId, a.staffId)];
    case "display":
      return [
        rooms.display(a.companyId, a.branchId),
        rooms.device(a.companyId, a.deviceId),
        rooms.devices,
      ];
    case "kiosk":
      return [rooms.device(a.companyId, a.deviceId), rooms.devices];
    case "tracker":
      return [rooms.ticket(a.companyId, a.rootTicketId)];
  }
}

// Remote changes are announced a little after their room events (at the origin's flush):
// watch this long after joining for changes the snapshot may have missed.
const RESYNC_WATCH_MS = 1000;

/** Counts changes per branch seen by this process (its own commits and other nodes'). */
export type BranchVersions = (companyId: string, branchId: string) => number;

/**
 * A new connection gets the snapshot FIRST, then joins its rooms for deltas. A change that
 * commits while the snapshot is read and the rooms are joined would fall in between; so the
 * branch's change counter is read before the snapshot and checked again after joining (at once,
 * and once more a moment later for changes coming from other nodes): if it moved, a fresh
 * snapshot follows. Deltas never arrive before the first snapshot, and nothing is lost.
 */
export async function onConnection(
  ctx: RealtimeDeps,
  fanout: TrackerFanout,
  versions: BranchVersions,
  socket: QueueSocket,
  onError: (err: unknown) => void,
): Promise<void> {
  if (socket.data.audience.kind === "customer") return onCustomerConnection(socket);
  const audience = socket.data.audience;
  // Only the tracker's branch changes later (a transfer); the kind never does.
  const current = () => socket.data.audience as CompanyAudience;
  // Joined before anything else, so a suspension during the first snapshot still reaches it.
  await socket.join(rooms.company(audience.companyId));
  const version = () => versions(audience.companyId, current().branchId);
  let seen = version();
  const send = async () => {
    socket.data.lastSyncAt = Date.now();
    try {
      const snapshot = await snapshotFor(ctx, current());
      const a = current();
      if (snapshot.audience === "tracker" && a.kind === "tracker") {
        fanout.rememberBranch(a.companyId, a.branchId, snapshot.ticket.branchName);
      }
      socket.emit(SERVER_EVENT.SNAPSHOT, snapshot);
    } catch (err) {
      socket.disconnect(true);
      if (!(err instanceof AppError)) throw err;
    }
  };
  const resyncIfChanged = async () => {
    const now = version();
    if (now === seen || !socket.connected) return;
    seen = now;
    await send();
  };
  await send();
  if (!socket.connected) return;
  await socket.join(roomsOf(audience));
  fanout.add(socket);
  // A staff socket lives no longer than the token that opened it: the client reconnects with a
  // fresh one, so a disabled account stops receiving within one token lifetime.
  const expiry =
    audience.kind === "staff"
      ? setTimeout(() => socket.disconnect(true), Math.max(0, audience.expiresAt - Date.now()))
      : null;
  expiry?.unref();
  // Later snapshots run outside the connection's promise: a failure (the database away) has
  // disconnected the socket, whose client reconnects; it is reported, never left unhandled.
  const watch = setTimeout(() => resyncIfChanged().catch(onError), RESYNC_WATCH_MS);
  watch.unref();
  socket.on("disconnect", () => {
    if (expiry) clearTimeout(expiry);
    clearTimeout(watch);
    fanout.remove(socket);
  });
  socket.on(CLIENT_EVENT.SYNC, () => {
    if (Date.now() - socket.data.lastSyncAt >= SYNC_MIN_INTERVAL_MS) send().catch(onError);
  });
  await resyncIfChanged();
}

/**
 * A portal customer joins the room of their own phone — the handshake's token decides it, the
 * client never names a room — and is told once, after joining, to read "my tickets": nothing
 * that changes after that is missed. The socket lives no longer than its token.
 */
async function onCustomerConnection(socket: QueueSocket): Promise<void> {
  const audience = socket.data.audience;
  if (audience.kind !== "customer") return;
  await socket.join(rooms.customer(audience.phone));
  socket.emit(SERVER_EVENT.MY_TICKETS, { ticketIds: [], at: new Date() });
  const expiry = setTimeout(
    () => socket.disconnect(true),
    Math.max(0, audience.expiresAt - Date.now()),
  );
  expiry.unref();
  socket.on("disconnect", () => clearTimeout(expiry));
}
