import { createHash, randomBytes, randomUUID } from "node:crypto";
import { AppError } from "../../shared/app-error";
import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";

/**
 * Where one realm keeps its refresh tokens: a schema's `refresh_tokens` (staff, super admins),
 * or the customers' own table in the platform schema. An account scope is one.
 */
export type RefreshStore = {
  db: Kysely<Database>;
  schema: string;
  refreshTable?: "refresh_tokens" | "customer_refresh_tokens";
};

// Both tables have the same columns; "refresh_tokens" stands in for either in the types.
const tableOf = (store: RefreshStore) =>
  (store.refreshTable ?? "refresh_tokens") as "refresh_tokens";

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

const sessionExpired = () =>
  new AppError("SESSION_EXPIRED", "Your session has ended. Please log in again.");

/** Rotating refresh tokens with reuse detection: a replayed token revokes its whole family. */
export class RefreshTokens {
  constructor(private readonly ttlDays: number) {}

  /** Starts a new family (at login) or continues one (at rotation). */
  async issue(
    scope: RefreshStore,
    userId: string,
    familyId: string = randomUUID(),
  ): Promise<string> {
    const raw = randomBytes(32).toString("base64url");
    await scope.db
      .withSchema(scope.schema)
      .insertInto(tableOf(scope))
      .values({
        family_id: familyId,
        user_id: userId,
        token_hash: sha256(raw),
        expires_at: new Date(Date.now() + this.ttlDays * 86_400_000),
      })
      .execute();
    return raw;
  }

  /** Consumes a token and returns the next one in its family; a reused token ends the family. */
  async rotate(scope: RefreshStore, raw: string): Promise<{ userId: string; token: string }> {
    const q = scope.db.withSchema(scope.schema);
    const now = new Date();
    // Mark as used atomically: of two concurrent uses, exactly one wins.
    const used = await q
      .updateTable(tableOf(scope))
      .set({ used_at: now })
      .where("token_hash", "=", sha256(raw))
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .returning(["user_id", "family_id"])
      .executeTakeFirst();
    if (!used) {
      const known = await q
        .selectFrom(tableOf(scope))
        .select(["family_id", "used_at"])
        .where("token_hash", "=", sha256(raw))
        .executeTakeFirst();
      if (known?.used_at) await this.revokeFamily(scope, known.family_id);
      throw sessionExpired();
    }
    const token = await this.issue(scope, used.user_id, used.family_id);
    return { userId: used.user_id, token };
  }

  /** Ends the session the token belongs to (logout). Unknown tokens are ignored. */
  async revoke(scope: RefreshStore, raw: string) {
    const row = await scope.db
      .withSchema(scope.schema)
      .selectFrom(tableOf(scope))
      .select("family_id")
      .where("token_hash", "=", sha256(raw))
      .executeTakeFirst();
    if (row) await this.revokeFamily(scope, row.family_id);
  }

  /** Ends every session of a user (password change, deactivation). */
  async revokeAllForUser(scope: RefreshStore, userId: string) {
    await scope.db
      .withSchema(scope.schema)
      .updateTable(tableOf(scope))
      .set({ revoked_at: new Date() })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  }

  private async revokeFamily(scope: RefreshStore, familyId: string) {
    await scope.db
      .withSchema(scope.schema)
      .updateTable(tableOf(scope))
      .set({ revoked_at: new Date() })
      .where("family_id", "=", familyId)
      .where("revoked_at", "is", null)
      .execute();
  }
}
