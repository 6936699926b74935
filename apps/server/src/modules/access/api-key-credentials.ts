import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKeyScope } from "@equeue/contracts";
import type { Db } from "../../db/database";
import { AppError } from "../../shared/app-error";
import { findServableCompany, type CompanyDirectory, type CompanyRecord } from "../tenancy";
import type { ApiKeyCaller } from "./caller";

/*
 * A company API key is `eqk_<prefix>_<secret>`: the prefix (8 random bytes, hex) is public and
 * finds the key's row; the whole key has 256 random bits of secret and is stored only as its
 * SHA-256 — a slow password hash buys nothing against a token that cannot be guessed.
 */
const KEY_SHAPE = /^eqk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** A key's last use is written at most this often (not on every request). */
const LAST_USED_EVERY_MS = 60_000;

export const apiKeyHash = (raw: string) => createHash("sha256").update(raw).digest("base64url");

/** A new key: shown to its creator once; only the prefix and hash are kept. */
export function newApiKey(): { raw: string; prefix: string; hash: string } {
  const prefix = randomBytes(8).toString("hex");
  const raw = `eqk_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { raw, prefix, hash: apiKeyHash(raw) };
}

const invalidKey = () =>
  new AppError(
    "UNAUTHENTICATED",
    "This API key is not valid or was revoked. Ask your company admin for a new one.",
  );

/** What checking a key needs: the database and the company directory. */
export type ApiKeyDeps = { db: Db; directory: CompanyDirectory };

/**
 * The company and caller an API key proves. A malformed, unknown, wrong or revoked key is refused
 * alike (401); a key of a suspended or deleted company is refused as that company is.
 */
export async function resolveApiKey(
  deps: ApiKeyDeps,
  raw: string,
  now = new Date(),
): Promise<{ company: CompanyRecord; caller: ApiKeyCaller }> {
  const match = KEY_SHAPE.exec(raw);
  if (!match) throw invalidKey();
  const row = await deps.db
    .selectFrom("platform.api_keys as k")
    .innerJoin("platform.companies as c", "c.id", "k.company_id")
    .select([
      "k.id",
      "k.company_id",
      "k.secret_hash",
      "k.scopes",
      "k.rate_limit_per_minute",
      "k.last_used_at",
      "k.revoked_at",
      "c.slug",
    ])
    .where("k.prefix", "=", match[1]!)
    .executeTakeFirst();
  const given = Buffer.from(apiKeyHash(raw));
  const kept = Buffer.from(row?.secret_hash ?? "");
  if (!row || row.revoked_at || given.length !== kept.length || !timingSafeEqual(given, kept))
    throw invalidKey();
  const company = await findServableCompany(deps.directory, row.slug);
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_USED_EVERY_MS) {
    await deps.db
      .updateTable("platform.api_keys")
      .set({ last_used_at: now })
      .where("id", "=", row.id)
      .execute();
  }
  return {
    company,
    caller: {
      kind: "apiKey",
      companyId: row.company_id,
      keyId: row.id,
      scopes: row.scopes as ApiKeyScope[],
      rateLimitPerMinute: row.rate_limit_per_minute,
    },
  };
}
