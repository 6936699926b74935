import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateCompanyAdmin,
  addDevice,
  call,
  companyWithAdmin,
  createBranch,
  createCompany,
  createService,
  createStaffMember,
  createTestPlatform,
  deviceAuth,
  loginStaff,
  loginSuperAdmin,
  pairDevice,
  type TestPlatform,
} from "../../testing";

describe("devices: adding, pairing, settings, revoking", () => {
  let p: TestPlatform;
  let token: string;
  let otherToken: string;
  let tsh: { id: string };
  let smq: { id: string };
  let kassa: { id: string };
  let kredit: { id: string };
  const slug = "hamkorbank";
  const admin = (path = "") => `/api/c/${slug}/admin/devices${path}`;
  const pair = (code: string, company = slug) =>
    call(p.app, "POST", `/api/c/${company}/devices/pair`, { body: { code } });
  const me = (deviceToken: string, company = slug) =>
    call(p.app, "GET", `/api/c/${company}/device/me`, { headers: deviceAuth(deviceToken) });
  const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

  beforeAll(async () => {
    p = await createTestPlatform();
    const superToken = await loginSuperAdmin(p.app);
    const company = await createCompany(p.app, superToken, {
      slug,
      adminEmail: "admin@hamkorbank.uz",
    });
    token = (await activateCompanyAdmin(p.app, p.ctx, company)).token;
    otherToken = (await companyWithAdmin(p, superToken, "kapitalbank")).token;
    tsh = await createBranch(p.app, slug, token, {
      name: { uz: "Toshkent filiali" },
      slug: "toshkent",
      code: "TSH",
    });
    smq = await createBranch(p.app, slug, token, { slug: "samarqand", code: "SMQ" });
    kassa = await createService(p.app, slug, token, {
      letter: "K",
      name: { uz: "Kassa xizmati" },
      branchIds: [tsh.id],
    });
    kredit = await createService(p.app, slug, token, { letter: "C", branchIds: [tsh.id] });
    await createService(p.app, slug, token, {
      letter: "H",
      showOnKiosk: false,
      branchIds: [tsh.id],
    });
  });
  afterAll(() => p.close());

  it("pairs a kiosk with its one-time code; the device then knows its branch and settings", async () => {
    const created = await call(p.app, "POST", admin(), {
      token,
      body: {
        branchId: tsh.id,
        kind: "KIOSK",
        name: "Kirish kioski",
        settings: { serviceIds: [kassa.id] },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { device, pairingCode, pairingExpiresAt } = created.json();
    expect(pairingCode).toMatch(/^\d{6}$/);
    expect(new Date(pairingExpiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(device).toMatchObject({
      status: "PENDING",
      settings: {
        serviceIds: [kassa.id],
        languages: ["uz", "ru", "en"],
        autoPrint: true,
        idleResetSeconds: 300,
      },
    });
    const stored = await p.ctx.db
      .withSchema("t_hamkorbank")
      .selectFrom("devices")
      .selectAll()
      .where("id", "=", device.id)
      .executeTakeFirstOrThrow();
    expect(stored.pairing_code_hash).not.toContain(pairingCode);

    const paired = await pair(`${pairingCode.slice(0, 3)} ${pairingCode.slice(3)}`);
    expect(paired.statusCode, paired.body).toBe(200);
    expect(paired.json()).toMatchObject({
      deviceToken: expect.stringMatching(/^dev_/),
      device: {
        id: device.id,
        kind: "KIOSK",
        branch: { id: tsh.id, slug: "toshkent", code: "TSH" },
      },
    });
    const view = await me(paired.json().deviceToken);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ device: { id: device.id }, company: { slug } });
    expect(view.json().services.map((s: { letter: string }) => s.letter)).toEqual(["K"]);

    const listed = (await call(p.app, "GET", admin(`?branchId=${tsh.id}`), { token })).json().items;
    expect(listed.find((d: { id: string }) => d.id === device.id)).toMatchObject({
      status: "PAIRED",
      pairedAt: expect.any(String),
      lastSeenAt: expect.any(String),
      revokedAt: null,
    });
    // Single use: the same code again is refused, and the pairing stands.
    const again = await pair(pairingCode);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("PAIRING_CODE_INVALID");
    expect((await me(paired.json().deviceToken)).statusCode).toBe(200);
  });

  it("wrong codes limit the address that sends them, never the pending codes; a fresh code always works", async () => {
    const pairFrom = (ip: string, code: string) =>
      p.app.inject({
        method: "POST",
        url: `/api/c/${slug}/devices/pair`,
        remoteAddress: ip,
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ code }),
      });
    const d = await addDevice(p.app, slug, token, { branchId: tsh.id, kind: "DISPLAY" });
    expect((await pairFrom("10.9.0.1", "12ab")).json().error.code).toBe("VALIDATION_FAILED");
    // A stranger's wrong codes (not even a malformed one counts) …
    for (let i = 0; i < 10; i++) {
      const wrong = await pairFrom("10.9.0.1", wrongCode(d.pairingCode));
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe("PAIRING_CODE_INVALID");
    }
    // … then that address must wait, even with a right code, and is told how long.
    const limited = await pairFrom("10.9.0.1", d.pairingCode);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many wrong codes from this device; wait 10 minutes\./),
    });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(590);
    // The code itself is untouched: the screen pairs from its own address.
    expect((await call(p.app, "GET", admin(`/${d.id}`), { token })).json().status).toBe("PENDING");
    const paired = await pairFrom("10.9.0.2", d.pairingCode);
    expect(paired.statusCode, paired.body).toBe(200);

    // Guesses sent all at once do not slip past the limit.
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pairFrom("10.9.0.4", String(900_000 + i).padStart(6, "0")),
      ),
    );
    expect(burst.map((r) => r.statusCode).sort()).toEqual([...Array(10).fill(400), 429, 429]);

    // An admin making a fresh code on site (same address) has that address forgiven.
    const e = await addDevice(p.app, slug, token, { branchId: tsh.id, kind: "DISPLAY" });
    for (let i = 0; i < 10; i++) await pairFrom("10.9.0.3", wrongCode(e.pairingCode));
    expect((await pairFrom("10.9.0.3", e.pairingCode)).statusCode).toBe(429);
    const regenerated = await p.app.inject({
      method: "POST",
      url: admin(`/${e.id}/pairing-code`),
      remoteAddress: "10.9.0.3",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(regenerated.statusCode, regenerated.body).toBe(200);
    expect((await pairFrom("10.9.0.3", regenerated.json().pairingCode)).statusCode).toBe(200);
  });

  it("an expired code is refused and a new one pairs the device", async () => {
    const d = await addDevice(p.app, slug, token, { branchId: tsh.id, kind: "DISPLAY" });
    const fresh = await call(p.app, "POST", admin(`/${d.id}/pairing-code`), { token });
    const code = fresh.json().pairingCode;
    await p.ctx.db
      .withSchema("t_hamkorbank")
      .updateTable("devices")
      .set({ pairing_expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", d.id)
      .execute();
    const expired = await pair(code);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe("PAIRING_CODE_EXPIRED");
    const row = await p.ctx.db
      .withSchema("t_hamkorbank")
      .selectFrom("devices")
      .selectAll()
      .where("id", "=", d.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBeNull();

    const last = (await call(p.app, "POST", admin(`/${d.id}/pairing-code`), { token })).json()
      .pairingCode;
    expect((await pair(last, "kapitalbank")).statusCode).toBe(400);
    const ok = await pair(last);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().device.settings).toEqual({
      languages: ["uz", "ru"],
      historySize: 6,
      voice: true,
    });
  });

  it("revoking stops the token at once; a new code pairs the device again", async () => {
    const d = await addDevice(p.app, slug, token, { branchId: tsh.id });
    const deviceToken = await pairDevice(p.app, slug, d.pairingCode);
    expect((await me(deviceToken)).statusCode).toBe(200);
    const revoked = await call(p.app, "POST", admin(`/${d.id}/revoke`), { token });
    expect(revoked.json()).toMatchObject({ status: "REVOKED", revokedAt: expect.any(String) });
    const after = await me(deviceToken);
    expect(after.statusCode).toBe(401);
    expect((await call(p.app, "POST", admin(`/${d.id}/revoke`), { token })).statusCode).toBe(409);

    const again = (await call(p.app, "POST", admin(`/${d.id}/pairing-code`), { token })).json();
    expect(again.device.status).toBe("PENDING");
    const second = await pairDevice(p.app, slug, again.pairingCode);
    expect((await me(second)).statusCode).toBe(200);
    // Re-pairing replaces the old token.
    const third = (await call(p.app, "POST", admin(`/${d.id}/pairing-code`), { token })).json();
    expect((await me(second)).statusCode).toBe(401);
    await pairDevice(p.app, slug, third.pairingCode);

    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select("action")
      .where("target_id", "=", d.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "device.create",
      "device.pair",
      "device.revoke",
      "device.pairing-code",
      "device.pair",
      "device.pairing-code",
      "device.pair",
    ]);
    expect((await call(p.app, "DELETE", admin(`/${d.id}`), { token })).statusCode).toBe(204);
  });

  it("checks settings against the device's kind and branch", async () => {
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await call(p.app, "POST", admin(), { token, body });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().error.details[0].path).toBe(path);
    };
    await bad(
      { branchId: smq.id, kind: "KIOSK", settings: { serviceIds: [kassa.id] } },
      "settings.serviceIds.0",
    );
    await bad(
      { branchId: tsh.id, kind: "KIOSK", settings: { historySize: 3 } },
      "settings.historySize",
    );
    await bad(
      { branchId: tsh.id, kind: "KIOSK", settings: { idleResetSeconds: 5 } },
      "settings.idleResetSeconds",
    );
    await bad(
      { branchId: tsh.id, kind: "KIOSK", settings: { languages: [] } },
      "settings.languages",
    );
    await bad(
      { branchId: tsh.id, kind: "DISPLAY", settings: { languages: ["uz", "uz-Latn"] } },
      "settings.languages.1",
    );
    // Uzbek in Cyrillic is a screen language like the others.
    const cyrillic = await call(p.app, "POST", admin(), {
      token,
      body: {
        branchId: tsh.id,
        kind: "KIOSK",
        settings: { languages: ["uz-Cyrl", "uz", "ru", "en"] },
      },
    });
    expect(cyrillic.statusCode, cyrillic.body).toBe(201);
    expect(cyrillic.json().device.settings.languages).toEqual(["uz-Cyrl", "uz", "ru", "en"]);
    await bad({ branchId: tsh.id, kind: "PRINTER" }, "kind");
    await bad({ branchId: "00000000-0000-4000-8000-000000000000", kind: "KIOSK" }, "branchId");
    const d = await addDevice(p.app, slug, token, { branchId: tsh.id });
    const edited = await call(p.app, "PATCH", admin(`/${d.id}`), {
      token,
      body: { name: "Kiosk 2", settings: { autoPrint: false, serviceIds: [kredit.id] } },
    });
    expect(edited.json()).toMatchObject({
      name: "Kiosk 2",
      settings: { autoPrint: false, serviceIds: [kredit.id], idleResetSeconds: 300 },
    });
    const badEdit = await call(p.app, "PATCH", admin(`/${d.id}`), {
      token,
      body: { settings: { voice: true } },
    });
    expect(badEdit.statusCode).toBe(400);
  });

  it("refuses the wrong callers: other companies, staff tokens, devices on the admin API, managers elsewhere", async () => {
    const d = await addDevice(p.app, slug, token, { branchId: tsh.id });
    const deviceToken = await pairDevice(p.app, slug, d.pairingCode);
    expect((await me(deviceToken, "kapitalbank")).statusCode).toBe(401);
    expect((await call(p.app, "GET", `/api/c/${slug}/device/me`, { token })).statusCode).toBe(401);
    expect(
      (await call(p.app, "GET", admin(), { headers: deviceAuth(deviceToken) })).statusCode,
    ).toBe(401);
    expect(
      (await call(p.app, "GET", `/api/c/${slug}/staff/me`, { headers: deviceAuth(deviceToken) }))
        .statusCode,
    ).toBe(401);
    const foreign = await call(p.app, "GET", `/api/c/kapitalbank/admin/devices/${d.id}`, {
      token: otherToken,
    });
    expect(foreign.statusCode).toBe(404);

    const m = await createStaffMember(p.app, slug, token, {
      role: "BRANCH_MANAGER",
      branchIds: [smq.id],
    });
    const mToken = await loginStaff(p.app, slug, m.email, m.oneTimePassword);
    expect((await call(p.app, "GET", admin(`/${d.id}`), { token: mToken })).statusCode).toBe(404);
    expect(
      (await call(p.app, "POST", admin(`/${d.id}/revoke`), { token: mToken })).statusCode,
    ).toBe(404);
    expect((await call(p.app, "GET", admin(), { token: mToken })).json().items).toEqual([]);
    const own = await call(p.app, "POST", admin(), {
      token: mToken,
      body: { branchId: smq.id, kind: "DISPLAY" },
    });
    expect(own.statusCode).toBe(201);
    const elsewhere = await call(p.app, "POST", admin(), {
      token: mToken,
      body: { branchId: tsh.id, kind: "DISPLAY" },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details[0].path).toBe("branchId");
  });
});
