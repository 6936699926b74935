import { sql } from "kysely";
import { AppError } from "../../shared/app-error";
import type { AccessTokens } from "../access";
import { scopeTables, type Account, type AccountScope } from "./account-scope";
import {
  assertStrongPassword,
  burnPasswordCheck,
  hashPassword,
  verifyPassword,
} from "../../shared/passwords";
import type { RefreshTokens } from "./refresh-tokens";

export type AuthPolicy = { maxFailures: number; lockMinutes: number };

export type Session = { accessToken: string; refreshToken: string; account: Account };

const invalidCredentials = () =>
  new AppError("INVALID_CREDENTIALS", "The e-mail or password is not correct.");

const oneTimePasswordUsed = () =>
  new AppError(
    "ONE_TIME_PASSWORD_USED",
    "This one-time password was already used. Ask your administrator to send a new one.",
  );

function lockedError(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    "ACCOUNT_LOCKED",
    `Too many failed attempts. This account is locked; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { headers: { "retry-after": String(minutes * 60) } },
  );
}

/** Login, refresh rotation, logout and password change for any realm's accounts. */
export class AuthService {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly refresh: RefreshTokens,
    private readonly policy: AuthPolicy,
  ) {}

  /** Checks credentials with lockout after repeated failures; returns a new session. */
  async login(scope: AccountScope, email: string, password: string): Promise<Session> {
    const t = scopeTables(scope);
    const account = await t.findAccountByEmail(email);
    if (!account) {
      await burnPasswordCheck(password);
      throw invalidCredentials();
    }
    if (account.locked_until && account.locked_until > new Date())
      throw lockedError(account.locked_until);
    const ok = await verifyPassword(account.password_hash, password);
    if (!ok || scope.isDisabled?.(account)) {
      if (!ok) await this.recordFailure(scope, account);
      throw invalidCredentials();
    }
    if (account.password_expires_at && account.password_expires_at < new Date()) {
      throw new AppError(
        "INVALID_CREDENTIALS",
        "This one-time password has expired. Ask your administrator to send a new invite.",
      );
    }
    const signedIn = { failed_logins: 0, locked_until: null, last_login_at: new Date() };
    if (account.must_change_password) {
      // A one-time password opens one session (in which it is changed), never a second: marked
      // used atomically, so of two concurrent logins with it exactly one wins.
      if (account.password_used_at) throw oneTimePasswordUsed();
      const consumed = await t
        .accounts()
        .set({ ...signedIn, password_used_at: new Date() })
        .where("id", "=", account.id)
        .where("password_used_at", "is", null)
        .executeTakeFirst();
      if (!consumed.numUpdatedRows) throw oneTimePasswordUsed();
    } else {
      await t.accounts().set(signedIn).where("id", "=", account.id).execute();
    }
    return this.startSession(scope, account);
  }

  /** Rotates the refresh token and issues a fresh access token. */
  async refreshSession(scope: AccountScope, rawRefresh: string | undefined): Promise<Session> {
    if (!rawRefresh) throw new AppError("SESSION_EXPIRED", "You are not logged in. Please log in.");
    const { userId, token } = await this.refresh.rotate(scope, rawRefresh);
    const account = await scopeTables(scope).findAccountById(userId);
    if (!account || scope.isDisabled?.(account)) {
      await this.refresh.revokeAllForUser(scope, userId);
      throw new AppError("SESSION_EXPIRED", "Your session has ended. Please log in again.");
    }
    return {
      accessToken: await this.tokens.sign(scope.claimsFor(account)),
      refreshToken: token,
      account,
    };
  }

  /** Ends the session that owns the refresh token. */
  async logout(scope: AccountScope, rawRefresh: string | undefined) {
    if (rawRefresh) await this.refresh.revoke(scope, rawRefresh);
  }

  /** Sets a new password (after checking the current one), ends other sessions, starts a new one. */
  async changePassword(
    scope: AccountScope,
    userId: string,
    current: string,
    next: string,
  ): Promise<Session> {
    const t = scopeTables(scope);
    const account = await t.findAccountById(userId);
    if (!account)
      throw new AppError("UNAUTHENTICATED", "Your account no longer exists. Log in again.");
    if (!(await verifyPassword(account.password_hash, current))) {
      const message = "The current password is not correct.";
      throw new AppError("INVALID_CREDENTIALS", message, {
        details: [{ path: "currentPassword", message }],
      });
    }
    if (current === next) {
      const message = "The new password must differ from the current one.";
      throw new AppError("SAME_PASSWORD", message, { details: [{ path: "newPassword", message }] });
    }
    assertStrongPassword(next, { email: account.email });
    await t
      .accounts()
      .set({
        password_hash: await hashPassword(next),
        must_change_password: false,
        password_expires_at: null,
        updated_at: new Date(),
      })
      .where("id", "=", userId)
      .execute();
    await this.refresh.revokeAllForUser(scope, userId);
    return this.startSession(scope, {
      ...account,
      must_change_password: false,
      password_expires_at: null,
    });
  }

  private async startSession(scope: AccountScope, account: Account): Promise<Session> {
    const refreshToken = await this.refresh.issue(scope, account.id);
    const accessToken = await this.tokens.sign(scope.claimsFor(account));
    return { accessToken, refreshToken, account };
  }

  private async recordFailure(scope: AccountScope, account: Account) {
    // Counted in SQL so that concurrent failures cannot undercount.
    const row = await scopeTables(scope)
      .accounts()
      .set({ failed_logins: sql`failed_logins + 1` })
      .where("id", "=", account.id)
      .returning("failed_logins")
      .executeTakeFirst();
    if (!row || row.failed_logins < this.policy.maxFailures) return;
    const until = new Date(Date.now() + this.policy.lockMinutes * 60_000);
    await scopeTables(scope)
      .accounts()
      .set({ failed_logins: 0, locked_until: until })
      .where("id", "=", account.id)
      .execute();
    throw lockedError(until);
  }
}
