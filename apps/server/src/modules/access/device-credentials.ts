import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/database";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";
import type { DeviceCaller } from "./caller";

const hashToken = (raw: string) => createHash("sha256").update(raw).digest("base64url");

/** A new device token: shown to the device once, stored only as a hash. */
export function newDeviceToken(): { raw: string; hash: string } {
  const raw = `dev_${randomBytes(32).toString("base64url")}`;
  return { raw, hash: hashToken(raw) };
}

export const deviceTokenHash = hashToken;

const CACHE_MS = 10_000;
const cache = new Map<string, { at: number; caller: DeviceCaller | null }>();

/** Forgets cached lookups, e.g. right after a revoke, so it takes effect at once on this node. */
export function forgetDeviceTokens() {
  cache.clear();
}

/**
 * The device a token proves, within one company, or null. Lookups are cached briefly so that a
 * display board polling or reconnecting does not cost a query each time; a revoke clears the cache.
 */
export async function findDeviceCaller(
  db: Db,
  company: CompanyRecord,
  raw: string,
): Promise<DeviceCaller | null> {
  if (!raw.startsWith("dev_")) return null;
  const hash = hashToken(raw);
  const key = `${company.id}:${hash}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.caller;
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
  if (cache.size > 50_000) cache.clear();
  cache.set(key, { at: Date.now(), caller });
  return caller;
}
