import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/database";
import { companyDb, type CompanyRecord } from "../tenancy";
import type { DeviceCaller } from "./caller";

const hashToken = (raw: string) => createHash("sha256").update(raw).digest("base64url");

/** A new device token: shown to the device once, stored only as a hash. */
export function newDeviceToken(): { raw: string; hash: string } {
  const raw = `dev_${randomBytes(32).toString("base64url")}`;
  return { raw, hash: hashToken(raw) };
}

export const deviceTokenHash = hashToken;

const CACHE_MS = 10_000;

/**
 * Device tokens this process has checked recently, so that a display board polling or
 * reconnecting does not cost a query each time. One per process (AppContext.deviceTokens): a
 * revoke clears it here at once, and on the other nodes through the realtime gateway (Redis).
 */
export class DeviceTokenCache {
  private readonly seen = new Map<string, { at: number; caller: DeviceCaller | null }>();

  constructor(readonly ttlMs = CACHE_MS) {}

  /** Forgets every cached lookup, e.g. right after a revoke. */
  forget(): void {
    this.seen.clear();
  }

  /** The device a token proves, within one company, or null. */
  async find(db: Db, company: CompanyRecord, raw: string): Promise<DeviceCaller | null> {
    if (!raw.startsWith("dev_")) return null;
    const hash = hashToken(raw);
    const key = `${company.id}:${hash}`;
    const hit = this.seen.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.caller;
    const row = await companyDb(db, company)
      .updateTable("devices")
      .set({ last_seen_at: new Date() })
      .where("token_hash", "=", hash)
      .where("revoked_at", "is", null)
      .returning(["id", "branch_id", "kind"])
      .executeTakeFirst();
    const caller: DeviceCaller | null = row
      ? {
          kind: "device",
          companyId: company.id,
          deviceId: row.id,
          deviceKind: row.kind,
          branchId: row.branch_id,
        }
      : null;
    if (this.seen.size > 50_000) this.seen.clear();
    this.seen.set(key, { at: Date.now(), caller });
    return caller;
  }
}

/** What checking a device token needs: the database and this process's cache of lookups. */
export type DeviceDeps = { db: Db; deviceTokens: DeviceTokenCache };

/** The device a token proves, within one company, or null (cached briefly, see above). */
export const findDeviceCaller = (deps: DeviceDeps, company: CompanyRecord, raw: string) =>
  deps.deviceTokens.find(deps.db, company, raw);
