import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  companyWithAdmin,
  call,
  createBranch,
  createOperator,
  createStaffMember,
  createTestPlatform,
  loginStaff,
  loginSuperAdmin,
  NEW_PASSWORD,
  readInvitePassword,
  refreshCookie,
  type TestPlatform,
} from "../../testing";

describe("company admin: deactivation, password resets, the last admin", () => {
  let p: TestPlatform;
  let token: string;
  let adminId: string;
  let branch: { id: string };
  const slug = "aloqabank";
  const url = (path = "") => `/api/c/${slug}/admin/staff${path}`;
  const login = (email: string, password: string) =>
    call(p.app, "POST", `/api/c/${slug}/auth/login`, { body: { email, password } });

  beforeAll(async () => {
    p = await createTestPlatform();
    const superToken = await loginSuperAdmin(p.app);
    token = (await companyWithAdmin(p, superToken, slug)).token;
    adminId = (await call(p.app, "GET", `/api/c/${slug}/staff/me`, { token })).json().id;
    branch = await createBranch(p.app, slug, token);
  });
  afterAll(() => p.close());

  it("deactivation ends sessions at once and blocks login; reactivation restores it", async () => {
    const op = await createOperator(p.app, slug, token, { branchId: branch.id });
    const opToken = await loginStaff(p.app, slug, op.email, op.oneTimePassword);
    const session = await login(op.email, NEW_PASSWORD);
    const cookie = refreshCookie(session);

    const off = await call(p.app, "POST", url(`/${op.id}/deactivate`), { token });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await call(p.app, "POST", url(`/${op.id}/deactivate`), { token })).statusCode).toBe(
      409,
    );
    // The still-unexpired access token no longer opens anything that checks the account.
    const me = await call(p.app, "GET", `/api/c/${slug}/staff/me`, { token: opToken });
    expect(me.statusCode).toBe(401);
    expect((await call(p.app, "POST", `/api/c/${slug}/auth/refresh`, { cookie })).statusCode).toBe(
      401,
    );
    expect((await login(op.email, NEW_PASSWORD)).statusCode).toBe(401);

    const on = await call(p.app, "POST", url(`/${op.id}/reactivate`), { token });
    expect(on.json().active).toBe(true);
    expect((await login(op.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("a password reset issues a new one-time password and ends the old password and sessions", async () => {
    const op = await createOperator(p.app, slug, token, { branchId: branch.id });
    await loginStaff(p.app, slug, op.email, op.oneTimePassword);
    const cookie = refreshCookie(await login(op.email, NEW_PASSWORD));
    const reset = await call(p.app, "POST", url(`/${op.id}/reset-password`), { token });
    expect(reset.statusCode, reset.body).toBe(200);
    const { oneTimePassword } = reset.json();
    expect(oneTimePassword).toMatch(/^\S{12}$/);
    expect((await login(op.email, NEW_PASSWORD)).statusCode).toBe(401);
    expect((await call(p.app, "POST", `/api/c/${slug}/auth/refresh`, { cookie })).statusCode).toBe(
      401,
    );
    const fresh = await login(op.email, oneTimePassword);
    expect(fresh.json().user.mustChangePassword).toBe(true);
    // Single use: a second login with it is refused, the first session still changes it.
    const reused = await login(op.email, oneTimePassword);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe("ONE_TIME_PASSWORD_USED");
    const changed = await call(p.app, "POST", `/api/c/${slug}/auth/change-password`, {
      token: fresh.json().accessToken,
      body: { currentPassword: oneTimePassword, newPassword: "Another-Passw0rd-9" },
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const mailed = await call(p.app, "POST", url(`/${op.id}/reset-password`), {
      token,
      body: { delivery: "EMAIL" },
    });
    expect(mailed.json()).toMatchObject({ oneTimePassword: null, outboxId: expect.any(String) });
    const otp = await readInvitePassword(p.ctx, op.email);
    expect((await login(op.email, otp)).statusCode).toBe(200);
    expect(
      (await call(p.app, "POST", url(`/${adminId}/reset-password`), { token })).statusCode,
    ).toBe(409);
    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select("action")
      .where("target_id", "=", op.id)
      .where("action", "like", "staff.%")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "staff.create",
      "staff.password.reset",
      "staff.password.reset",
    ]);
  });

  it("an admin cannot deactivate or demote itself", async () => {
    const self = await call(p.app, "POST", url(`/${adminId}/deactivate`), { token });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toMatch(/own account/);
    const demote = await call(p.app, "PATCH", url(`/${adminId}`), {
      token,
      body: { role: "BRANCH_MANAGER", branchIds: [branch.id] },
    });
    expect(demote.statusCode).toBe(409);
    expect((await call(p.app, "GET", url(`/${adminId}`), { token })).json()).toMatchObject({
      role: "COMPANY_ADMIN",
      active: true,
    });
  });

  it("two admins removing each other at once leave one active admin, never none", async () => {
    const second = await createStaffMember(p.app, slug, token, { role: "COMPANY_ADMIN" });
    const secondToken = await loginStaff(p.app, slug, second.email, second.oneTimePassword);
    const [a, b] = await Promise.all([
      call(p.app, "POST", url(`/${second.id}/deactivate`), { token }),
      call(p.app, "POST", url(`/${adminId}/deactivate`), { token: secondToken }),
    ]);
    expect([a.statusCode, b.statusCode].filter((s) => s === 200)).toHaveLength(1);
    const active = await p.ctx.db
      .withSchema("t_aloqabank")
      .selectFrom("staff")
      .select("id")
      .where("role", "=", "COMPANY_ADMIN")
      .where("is_active", "=", true)
      .execute();
    expect(active).toHaveLength(1);
    // Whoever is left restores the other, so the rest of the suite keeps its admin.
    const survivor = active[0]!.id === adminId ? token : secondToken;
    const other = active[0]!.id === adminId ? second.id : adminId;
    expect(
      (await call(p.app, "POST", url(`/${other}/reactivate`), { token: survivor })).statusCode,
    ).toBe(200);
  });

  it("a demoted admin loses admin access at once, though its token has not expired", async () => {
    const extra = await createStaffMember(p.app, slug, token, { role: "COMPANY_ADMIN" });
    const extraToken = await loginStaff(p.app, slug, extra.email, extra.oneTimePassword);
    expect(
      (await call(p.app, "GET", `/api/c/${slug}/admin/overview`, { token: extraToken })).statusCode,
    ).toBe(200);
    const demoted = await call(p.app, "PATCH", url(`/${extra.id}`), {
      token,
      body: { role: "OPERATOR", branchId: branch.id },
    });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(
      (await call(p.app, "GET", `/api/c/${slug}/admin/overview`, { token: extraToken })).statusCode,
    ).toBe(403);
  });
});
