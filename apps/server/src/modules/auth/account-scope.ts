import type { Kysely } from "kysely";
import type { AccessClaims } from "../access";
import type { Database } from "../../db/tables";

export type Account = {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  must_change_password: boolean;
  password_expires_at: Date | null;
  password_used_at: Date | null;
  failed_logins: number;
  locked_until: Date | null;
  role?: string;
  is_active?: boolean;
};

/**
 * Where one realm keeps its accounts and refresh tokens: the platform's super admins, or one
 * company's staff. The same login, rotation and lockout code serves both.
 */
export type AccountScope = {
  db: Kysely<Database>;
  schema: string;
  accountsTable: "super_admins" | "staff";
  /** Claims of the access token for an account of this realm. */
  claimsFor: (account: Account) => AccessClaims;
  /** Extra refusal for accounts that exist but may not log in (deactivated staff). */
  isDisabled?: (account: Account) => boolean;
};

const accountColumns = [
  "id",
  "email",
  "name",
  "password_hash",
  "must_change_password",
  "password_expires_at",
  "password_used_at",
  "failed_logins",
  "locked_until",
] as const;

/** Kysely handles for the scope's two tables. */
export function scopeTables(scope: AccountScope) {
  const q = scope.db.withSchema(scope.schema);
  // Both account tables share AccountColumns; "staff" stands in for either in the types.
  const table = scope.accountsTable as "staff";
  const extra = scope.accountsTable === "staff" ? (["role", "is_active"] as const) : [];
  return {
    findAccountByEmail: (email: string) =>
      q
        .selectFrom(table)
        .select([...accountColumns, ...extra])
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
        .executeTakeFirst() as Promise<Account | undefined>,
    findAccountById: (id: string) =>
      q
        .selectFrom(table)
        .select([...accountColumns, ...extra])
        .where("id", "=", id)
        .executeTakeFirst() as Promise<Account | undefined>,
    accounts: () => q.updateTable(table),
    tokens: q,
  };
}
