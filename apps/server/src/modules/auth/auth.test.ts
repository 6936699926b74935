import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createCompany,
  createTestPlatform,
  loginSuperAdmin,
  readInvitePassword,
  refreshCookie,
  SUPER_ADMIN,
  type TestPlatform,
} from "../../testing";
import { AccessTokens } from "../access";

describe("super admin authentication", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({ LOGIN_MAX_FAILURES: "3", LOGIN_LOCK_MINUTES: "15" });
  });
  afterAll(() => p.close());

  it("refuses a wrong password and an unknown e-mail with the same message", async () => {
    const wrong = await call(p.app, "POST", "/api/platform/auth/login", {
      body: { email: SUPER_ADMIN.email, password: "nope-nope-1" },
    });
    const unknown = await call(p.app, "POST", "/api/platform/auth/login", {
      body: { email: "who@x.uz", password: "nope-nope-1" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe("INVALID_CREDENTIALS");
    // One success resets the failure count.
    expect(
      (await call(p.app, "POST", "/api/platform/auth/login", { body: SUPER_ADMIN })).statusCode,
    ).toBe(200);
  });

  it("locks the account after repeated failures and says when to retry", async () => {
    const bad = { email: SUPER_ADMIN.email, password: "wrong-password-9" };
    expect((await call(p.app, "POST", "/api/platform/auth/login", { body: bad })).statusCode).toBe(
      401,
    );
    expect((await call(p.app, "POST", "/api/platform/auth/login", { body: bad })).statusCode).toBe(
      401,
    );
    const third = await call(p.app, "POST", "/api/platform/auth/login", { body: bad });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("ACCOUNT_LOCKED");
    expect(third.json().error.message).toMatch(/try again in 15 minutes/);
    // Even the right password is refused while locked.
    const right = await call(p.app, "POST", "/api/platform/auth/login", { body: SUPER_ADMIN });
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
    await p.ctx.db
      .updateTable("platform.super_admins")
      .set({ locked_until: null, failed_logins: 0 })
      .execute();
  });

  it("rotates the refresh token and revokes the family when an old one is replayed", async () => {
    const login = await call(p.app, "POST", "/api/platform/auth/login", { body: SUPER_ADMIN });
    const first = refreshCookie(login);
    const cookie = login.cookies.find((c) => c.name === "eq_rt")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    expect(cookie.path).toBe("/api/platform/auth");

    const r1 = await call(p.app, "POST", "/api/platform/auth/refresh", { cookie: first });
    expect(r1.statusCode).toBe(200);
    const second = refreshCookie(r1);
    expect(second).not.toBe(first);
    const me = await call(p.app, "GET", "/api/platform/auth/me", { token: r1.json().accessToken });
    expect(me.json()).toMatchObject({ email: SUPER_ADMIN.email, role: "SUPER_ADMIN" });

    // Replaying the first (already rotated) token ends the family: the second stops working too.
    const replay = await call(p.app, "POST", "/api/platform/auth/refresh", { cookie: first });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe("SESSION_EXPIRED");
    const afterReuse = await call(p.app, "POST", "/api/platform/auth/refresh", { cookie: second });
    expect(afterReuse.statusCode).toBe(401);
  });

  it("logs out: the refresh cookie no longer works", async () => {
    const login = await call(p.app, "POST", "/api/platform/auth/login", { body: SUPER_ADMIN });
    const cookie = refreshCookie(login);
    expect((await call(p.app, "POST", "/api/platform/auth/logout", { cookie })).statusCode).toBe(
      204,
    );
    expect((await call(p.app, "POST", "/api/platform/auth/refresh", { cookie })).statusCode).toBe(
      401,
    );
  });

  it("refuses an expired, a tampered and a missing access token", async () => {
    const secret = (
      await p.ctx.db
        .selectFrom("platform.settings")
        .select("value")
        .where("key", "=", "jwt_secret")
        .executeTakeFirstOrThrow()
    ).value;
    const admin = await p.ctx.db
      .selectFrom("platform.super_admins")
      .select("id")
      .executeTakeFirstOrThrow();
    const expired = await new AccessTokens(secret, -60).sign({
      realm: "platform",
      sub: admin.id,
      email: SUPER_ADMIN.email,
      role: "SUPER_ADMIN",
    });
    const r1 = await call(p.app, "GET", "/api/platform/companies", { token: expired });
    expect(r1.statusCode).toBe(401);
    expect(r1.json().error.code).toBe("TOKEN_EXPIRED");

    const forged = await new AccessTokens("x".repeat(40), 600).sign({
      realm: "platform",
      sub: admin.id,
      email: "a@b.c",
      role: "SUPER_ADMIN",
    });
    const r2 = await call(p.app, "GET", "/api/platform/companies", { token: forged });
    expect(r2.statusCode).toBe(401);
    expect(r2.json().error.code).toBe("UNAUTHENTICATED");

    const r3 = await call(p.app, "GET", "/api/platform/companies");
    expect(r3.statusCode).toBe(401);
  });

  it("limits login attempts per address", async () => {
    const limited = await createTestPlatform({ LOGIN_RATE_LIMIT_PER_MINUTE: "3" });
    try {
      const body = { email: "nobody@x.uz", password: "whatever-1" };
      const codes = [];
      for (let i = 0; i < 5; i++)
        codes.push(
          (await call(limited.app, "POST", "/api/platform/auth/login", { body })).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("company admin first login", () => {
  let p: TestPlatform;
  let company: { slug: string; adminEmail?: unknown };
  beforeAll(async () => {
    p = await createTestPlatform();
    company = await createCompany(p.app, await loginSuperAdmin(p.app), {
      slug: "hamkorbank",
      adminEmail: "admin@hamkorbank.uz",
    });
  });
  afterAll(() => p.close());

  it("must change the one-time password before anything else, and then the new one works", async () => {
    const otp = await readInvitePassword(p.ctx, "admin@hamkorbank.uz");
    const login = await call(p.app, "POST", "/api/c/hamkorbank/auth/login", {
      body: { email: "ADMIN@hamkorbank.uz", password: otp },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ role: "COMPANY_ADMIN", mustChangePassword: true });
    expect(login.cookies.find((c) => c.name === "eq_rt")!.path).toBe("/api/c/hamkorbank/auth");
    const token = login.json().accessToken;

    const weak = await call(p.app, "POST", "/api/c/hamkorbank/auth/change-password", {
      token,
      body: { currentPassword: otp, newPassword: "short" },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({
      code: "WEAK_PASSWORD",
      details: [{ path: "newPassword" }],
    });
    const same = await call(p.app, "POST", "/api/c/hamkorbank/auth/change-password", {
      token,
      body: { currentPassword: otp, newPassword: otp },
    });
    expect(same.json().error.code).toBe("SAME_PASSWORD");
    const wrongCurrent = await call(p.app, "POST", "/api/c/hamkorbank/auth/change-password", {
      token,
      body: { currentPassword: "nope", newPassword: "Brand-new-pass-1" },
    });
    expect(wrongCurrent.statusCode).toBe(401);

    const changed = await call(p.app, "POST", "/api/c/hamkorbank/auth/change-password", {
      token,
      body: { currentPassword: otp, newPassword: "Brand-new-pass-1" },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);

    // The one-time password is gone; the new one works; the old session's refresh is revoked.
    expect(
      (
        await call(p.app, "POST", "/api/c/hamkorbank/auth/login", {
          body: { email: "admin@hamkorbank.uz", password: otp },
        })
      ).statusCode,
    ).toBe(401);
    const again = await call(p.app, "POST", "/api/c/hamkorbank/auth/login", {
      body: { email: "admin@hamkorbank.uz", password: "Brand-new-pass-1" },
    });
    expect(again.json().user.mustChangePassword).toBe(false);
    expect(
      (
        await call(p.app, "POST", "/api/c/hamkorbank/auth/refresh", {
          cookie: refreshCookie(login),
        })
      ).statusCode,
    ).toBe(401);
    expect(company.slug).toBe("hamkorbank");
  });

  it("a one-time password opens one session only; a resent invite works once again", async () => {
    const superToken = await loginSuperAdmin(p.app);
    const c = await createCompany(p.app, superToken, {
      slug: "onetime",
      adminEmail: "admin@onetime.uz",
    });
    const login = (password: string) =>
      call(p.app, "POST", "/api/c/onetime/auth/login", {
        body: { email: "admin@onetime.uz", password },
      });
    const otp = await readInvitePassword(p.ctx, "admin@onetime.uz");
    const first = await login(otp);
    expect(first.statusCode).toBe(200);
    const second = await login(otp);
    expect(second.statusCode).toBe(401);
    expect(second.json().error).toEqual({
      code: "ONE_TIME_PASSWORD_USED",
      message: "This one-time password was already used. Ask your administrator to send a new one.",
    });
    // A wrong password still says only that the credentials are wrong.
    expect((await login("Not-the-password-1")).json().error.code).toBe("INVALID_CREDENTIALS");

    // The invite is still pending (the password was never changed): a new one works, once.
    const resent = await call(p.app, "POST", `/api/platform/companies/${c.id}/resend-invite`, {
      token: superToken,
    });
    expect(resent.statusCode, resent.body).toBe(200);
    const otp2 = await readInvitePassword(p.ctx, "admin@onetime.uz");
    expect(otp2).not.toBe(otp);
    expect((await login(otp)).statusCode).toBe(401);
    const third = await login(otp2);
    expect(third.statusCode, third.body).toBe(200);
    expect((await login(otp2)).json().error.code).toBe("ONE_TIME_PASSWORD_USED");
    // The session the one-time password opened can still set the real password.
    const changed = await call(p.app, "POST", "/api/c/onetime/auth/change-password", {
      token: third.json().accessToken,
      body: { currentPassword: otp2, newPassword: "Brand-new-pass-1" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await login("Brand-new-pass-1")).statusCode).toBe(200);
    expect((await login("Brand-new-pass-1")).statusCode).toBe(200);
  });

  it("refuses an expired one-time password with a message saying what to do", async () => {
    const other = await createCompany(p.app, await loginSuperAdmin(p.app), {
      slug: "expiry",
      adminEmail: "admin@expiry.uz",
    });
    await p.ctx.db
      .withSchema("t_expiry")
      .updateTable("staff")
      .set({ password_expires_at: new Date(Date.now() - 1000) })
      .execute();
    const otp = await readInvitePassword(p.ctx, "admin@expiry.uz");
    const res = await call(p.app, "POST", `/api/c/${other.slug}/auth/login`, {
      body: { email: "admin@expiry.uz", password: otp },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/expired.*new invite/);
  });
});
