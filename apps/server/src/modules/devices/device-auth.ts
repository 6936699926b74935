import { createHash, randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/database";
import type { DeviceKind } from "../../db/tables";
import { AppError } from "../../shared/app-error";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";

/** A paired kiosk or display board, as its token proves it. */
export type DeviceIdentity = {
  deviceId: string;
  branchId: string;
  kind: DeviceKind;
  companyId: string;
};

const hashToken = (raw: string) => createHash("sha256").update(raw).digest("base64url");

/** A new device token: shown to the device once, stored only as a hash. */
export function newDeviceToken(): { raw: string; hash: string } {
  const raw = `dev_${randomBytes(32).toString("base64url")}`;
  return { raw, hash: hashToken(raw) };
}

export const deviceTokenHash = hashToken;

const CACHE_MS = 10_000;
const cache = new Map<string, { at: number; identity: DeviceIdentity | null }>();

/** Forgets cached lookups, e.g. right after a revoke, so it takes effect at once on this node. */
export function forgetDeviceTokens() {
  cache.clear();
}

/**
 * Resolves a device token within one company. Lookups are cached briefly so that a display
 * board polling or reconnecting does not cost a query each time; a revoke clears the cache.
 */
export async function authenticateDevice(
  db: Db,
  company: CompanyRecord,
  raw: string,
): Promise<DeviceIdentity | null> {
  if (!raw.startsWith("dev_")) return null;
  const hash = hashToken(raw);
  const key = `${company.id}:${hash}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.identity;
  const row = await companyDb(db, company)
    .updateTable("devices")
    .set({ last_seen_at: new Date() })
    .where("token_hash", "=", hash)
    .where("revoked_at", "is", null)
    .returning(["id", "branch_id", "kind"])
    .executeTakeFirst();
  const identity = row
    ? { deviceId: row.id, branchId: row.branch_id, kind: row.kind, companyId: company.id }
    : null;
  if (cache.size > 50_000) cache.clear();
  cache.set(key, { at: Date.now(), identity });
  return identity;
}

/** onRequest hook: a paired, unrevoked device of the request's company, of one of `kinds`. */
export const requireDevice =
  (db: Db, kinds: DeviceKind[]) =>
  async (request: FastifyRequest): Promise<void> => {
    const company = request.company;
    if (!company) throw new AppError("NOT_FOUND", "There is no company at this address.");
    const header = request.headers.authorization;
    const raw = header?.startsWith("Device ") ? header.slice(7).trim() : "";
    if (!raw)
      throw new AppError(
        "UNAUTHENTICATED",
        "This screen is not paired. Pair it from the admin panel.",
      );
    const device = await authenticateDevice(db, company, raw);
    if (!device)
      throw new AppError(
        "UNAUTHENTICATED",
        "This device was unpaired or its token is not valid. Pair it again.",
      );
    if (!kinds.includes(device.kind))
      throw new AppError("FORBIDDEN", "This device may not do that.");
    request.device = device;
  };
