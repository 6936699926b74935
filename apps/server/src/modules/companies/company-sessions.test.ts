import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDevice,
  call,
  createTestPlatform,
  deviceAuth,
  loginSuperAdmin,
  NEW_PASSWORD,
  pairDevice,
  refreshCookie,
  type TestPlatform,
} from "../../testing";
import {
  createBranchWithService,
  createDisplayDevice,
  createQueueCompany,
  createQueueOperator,
} from "../../testing/queue-factories";
import { connectClient, refusedWith, type RecordingSocket } from "../../testing/socket-client";

const disconnected = (c: RecordingSocket) =>
  new Promise<string>((resolve, reject) => {
    if (!c.socket.connected) return resolve("already");
    const timer = setTimeout(() => reject(new Error("the socket stayed connected")), 3000);
    c.socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

describe("sessions end with the company", () => {
  let p: TestPlatform;
  let base: string;
  let superToken: string;
  const open: RecordingSocket[] = [];

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    await p.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
    superToken = await loginSuperAdmin(p.app);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await p.close();
  });

  const client = (auth: Record<string, unknown>) => {
    const c = connectClient(base, auth);
    open.push(c);
    return c;
  };
  const status = (id: string, action: "suspend" | "activate" | "restore") =>
    call(p.app, "POST", `/api/platform/companies/${id}/${action}`, { token: superToken });

  it("suspension ends every session, socket and device; re-activation brings none back", async () => {
    const { company, slug } = await createQueueCompany(p);
    const api = (path: string) => `/api/c/${slug}${path}`;
    const adminEmail = `admin@${slug}.uz`;
    const login = () =>
      call(p.app, "POST", api("/auth/login"), {
        body: { email: adminEmail, password: NEW_PASSWORD },
      });
    const session = await login();
    const adminToken = session.json().accessToken as string;
    const cookie = refreshCookie(session);
    const { branch } = await createBranchWithService(p.ctx, company);
    const display = await createDisplayDevice(p.ctx, company, branch.id);
    const op = await createQueueOperator(p.ctx, company, { branchId: branch.id });
    const kiosk = await addDevice(p.app, slug, adminToken, { branchId: branch.id });
    const staffSocket = client({ slug, token: op.token, branchId: branch.id });
    const boardSocket = client({ slug, deviceToken: display });
    await staffSocket.next("snapshot");
    await boardSocket.next("snapshot");

    const staffGone = disconnected(staffSocket);
    const boardGone = disconnected(boardSocket);
    const suspended = await status(company.id, "suspend");
    expect(suspended.statusCode, suspended.body).toBe(200);
    // Live sockets are dropped at once, not when their tokens run out.
    expect(await staffGone).toBe("io server disconnect");
    expect(await boardGone).toBe("io server disconnect");

    expect((await status(company.id, "activate")).statusCode).toBe(200);
    // Nothing issued before the suspension works again: access token, refresh token, device
    // token, pending pairing code, socket handshakes.
    const me = await call(p.app, "GET", api("/auth/me"), { token: adminToken });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("SESSION_EXPIRED");
    const setup = await call(p.app, "GET", api("/admin/devices"), { token: adminToken });
    expect(setup.json().error.code).toBe("SESSION_EXPIRED");
    const refreshed = await call(p.app, "POST", api("/auth/refresh"), { cookie });
    expect(refreshed.statusCode).toBe(401);
    expect(refreshed.json().error.code).toBe("SESSION_EXPIRED");
    const device = await call(p.app, "GET", api("/device/me"), { headers: deviceAuth(display) });
    expect(device.statusCode).toBe(401);
    expect(device.json().error.code).toBe("UNAUTHENTICATED");
    const paired = await call(p.app, "POST", api("/devices/pair"), {
      body: { code: kiosk.pairingCode },
    });
    expect(paired.json().error.code).toBe("PAIRING_CODE_INVALID");
    expect(await refusedWith(base, { slug, token: op.token, branchId: branch.id })).toBe(
      "SESSION_EXPIRED",
    );
    expect(await refusedWith(base, { slug, deviceToken: display })).toBe("UNAUTHENTICATED");

    // People log in again; devices show as revoked and pair again with a fresh code.
    const again = await login();
    expect(again.statusCode, again.body).toBe(200);
    const fresh = again.json().accessToken as string;
    expect((await call(p.app, "GET", api("/auth/me"), { token: fresh })).statusCode).toBe(200);
    const devices = (await call(p.app, "GET", api("/admin/devices"), { token: fresh })).json();
    expect(devices.items.map((d: { status: string }) => d.status)).toEqual(["REVOKED", "REVOKED"]);
    const code = await call(p.app, "POST", api(`/admin/devices/${kiosk.id}/pairing-code`), {
      token: fresh,
    });
    const kioskToken = await pairDevice(p.app, slug, code.json().pairingCode);
    expect(
      (await call(p.app, "GET", api("/device/me"), { headers: deviceAuth(kioskToken) })).statusCode,
    ).toBe(200);
    const newOp = await createQueueOperator(p.ctx, company, { branchId: branch.id });
    await client({ slug, token: newOp.token, branchId: branch.id }).next("snapshot");

    // The platform's own session is untouched, and the audit log says what ended.
    expect(
      (await call(p.app, "GET", "/api/platform/companies", { token: superToken })).statusCode,
    ).toBe(200);
    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select("details")
      .where("company_id", "=", company.id)
      .where("action", "=", "company.suspend")
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      sessionsEnded: { refreshTokensRevoked: 2, devicesUnpaired: 2 },
    });
  });

  it("deleting a company ends its sessions too; restoring it brings none back", async () => {
    const { company, slug, adminToken } = await createQueueCompany(p);
    const api = (path: string) => `/api/c/${slug}${path}`;
    const session = await call(p.app, "POST", api("/auth/login"), {
      body: { email: `admin@${slug}.uz`, password: NEW_PASSWORD },
    });
    expect(session.statusCode, session.body).toBe(200);
    const cookie = refreshCookie(session);
    const { branch } = await createBranchWithService(p.ctx, company);
    const display = await createDisplayDevice(p.ctx, company, branch.id);
    const deleted = await call(p.app, "DELETE", `/api/platform/companies/${company.id}`, {
      token: superToken,
    });
    expect(deleted.json().status).toBe("DELETED");
    expect((await status(company.id, "restore")).statusCode).toBe(200);
    expect((await status(company.id, "activate")).statusCode).toBe(200);
    const me = await call(p.app, "GET", api("/auth/me"), { token: adminToken });
    expect(me.json().error.code).toBe("SESSION_EXPIRED");
    const refreshed = await call(p.app, "POST", api("/auth/refresh"), { cookie });
    expect([refreshed.statusCode, refreshed.json().error.code]).toEqual([401, "SESSION_EXPIRED"]);
    const device = await call(p.app, "GET", api("/device/me"), { headers: deviceAuth(display) });
    expect([device.statusCode, device.json().error.code]).toEqual([401, "UNAUTHENTICATED"]);
    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select("details")
      .where("company_id", "=", company.id)
      .where("action", "=", "company.delete")
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      sessionsEnded: { refreshTokensRevoked: 2, devicesUnpaired: 1 },
    });
  });
});
