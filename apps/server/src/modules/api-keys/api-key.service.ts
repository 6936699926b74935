import { notFound } from "../../shared/app-error";
import { newApiKey } from "../access";
import { auditChange, inTransaction, type SetupEnv } from "../setup-common";
import { insertApiKey, listApiKeys, revokeApiKeyRow, type ApiKeyRow } from "./api-key.repository";
import type { ApiKeyDto, CreateApiKeyInput } from "./api-key.schema";

export function toApiKeyDto(row: ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyDto["scopes"],
    rateLimitPerMinute: row.rate_limit_per_minute,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export const listKeys = async (env: SetupEnv) =>
  (await listApiKeys(env.ctx.db, env.company.id)).map(toApiKeyDto);

/** A new key for the company; the answer is the only time its secret is seen. */
export async function createKey(env: SetupEnv, input: CreateApiKeyInput) {
  const { raw, prefix, hash } = newApiKey();
  const row = await inTransaction(env, async (_q, trx) => {
    const inserted = await insertApiKey(trx, {
      company_id: env.company.id,
      prefix,
      secret_hash: hash,
      name: input.name,
      scopes: input.scopes,
      rate_limit_per_minute: input.rateLimitPerMinute,
      created_by: env.caller.staffId,
    });
    await auditChange(
      trx,
      env,
      "api-key.create",
      { type: "api-key", id: inserted.id },
      { name: input.name, scopes: input.scopes, prefix },
    );
    return inserted;
  });
  return { key: toApiKeyDto(row), secret: raw };
}

/** Revokes a key: the next request made with it is refused. */
export async function revokeKey(env: SetupEnv, id: string) {
  const row = await inTransaction(env, async (_q, trx) => {
    const revoked = await revokeApiKeyRow(trx, env.company.id, id, new Date());
    if (!revoked) throw notFound("The API key");
    await auditChange(trx, env, "api-key.revoke", { type: "api-key", id });
    return revoked;
  });
  return toApiKeyDto(row);
}
