import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";
import { companyDb, type CompanyRecord } from "../tenancy";

/**
 * Ends every session of a company that goes out of service, inside the caller's transaction:
 * staff refresh tokens are revoked, devices are unpaired (token and any pending code gone; they
 * show as revoked and pair again with a fresh code), and access tokens issued up to `at` are
 * refused from now on through the company's `sessions_valid_after`. Re-activating the company
 * brings none of this back: people log in again and devices are paired again.
 */
export async function endCompanySessions(
  trx: Kysely<Database>,
  company: Pick<CompanyRecord, "id" | "schema_name">,
  at: Date,
) {
  await trx
    .updateTable("platform.companies")
    .set({ sessions_valid_after: at })
    .where("id", "=", company.id)
    .execute();
  const q = companyDb(trx, company);
  const tokens = await q
    .updateTable("refresh_tokens")
    .set({ revoked_at: at })
    .where("revoked_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  const devices = await q
    .updateTable("devices")
    .set({ revoked_at: at, token_hash: null, pairing_code_hash: null, pairing_expires_at: null })
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return {
    refreshTokensRevoked: Number(tokens.numUpdatedRows),
    devicesUnpaired: Number(devices.numUpdatedRows),
  };
}
