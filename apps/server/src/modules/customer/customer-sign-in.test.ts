import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createQueueCompany,
  createQueueOperator,
  createBranchWithService,
  createTestPlatform,
  loginSuperAdmin,
  type TestPlatform,
} from "../../testing";
import { startFakeSmsGateway } from "../../testing/fake-sms-gateway";

let p: TestPlatform;
let clients = 0;
/** Each request from its own client address unless one is given (the per-address limits). */
const post = (url: string, body: unknown, ip = `10.1.${++clients >> 8}.${clients & 255}`) =>
  p.app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(body),
    remoteAddress: ip,
  });
const requestCode = (phone: string, ip?: string) =>
  post("/api/customer/auth/request-code", { phone }, ip);
const verify = (phone: string, code: string, ip?: string) =>
  post("/api/customer/auth/verify", { phone, code }, ip);

/** The code in the newest SMS queued for `phone` (what the customer reads on their phone). */
async function smsCode(phone: string): Promise<string> {
  const row = await p.ctx.db
    .selectFrom("platform.outbox")
    .select("body_text")
    .where("channel", "=", "sms")
    .where("recipient", "=", phone)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return /\b(\d{6})\b/.exec(row.body_text)![1]!;
}

const refreshCookieOf = (res: { cookies: { name: string; value: string; path?: string }[] }) => {
  const c = res.cookies.find((x) => x.name === "eq_rt");
  if (!c) throw new Error("no refresh cookie");
  return c;
};

let phones = 0;
const nextPhone = () => `+99890${String(7_000_000 + ++phones).padStart(7, "0")}`;

beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

describe("customer sign-in with a phone code", () => {
  it("sends a 6-digit code by SMS through the outbox, never in the answer, and stores it hashed", async () => {
    const res = await requestCode("90 700 11 22");
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({
      phone: expect.stringMatching(/^•+1122$/),
      expiresInSeconds: 300,
      resendInSeconds: 60,
    });
    const code = await smsCode("+998907001122");
    expect(res.body).not.toContain(code);
    const stored = await p.ctx.db
      .selectFrom("platform.customer_codes")
      .selectAll()
      .where("phone", "=", "+998907001122")
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(code);
    // Without an SMS gateway configured the message waits in the outbox, for the super admin.
    const outbox = await call(p.app, "GET", "/api/platform/outbox?status=PENDING", {
      token: await loginSuperAdmin(p.app),
    });
    expect(outbox.json().items).toContainEqual(
      expect.objectContaining({ channel: "sms", to: "+998907001122" }),
    );
  });

  it("refuses bad input with field paths", async () => {
    const bad = await requestCode("12345");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("phone");
    const short = await verify("+998901234567", "12");
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe("code");
    const extra = await post("/api/customer/auth/request-code", { phone: "+998901234567", x: 1 });
    expect(extra.statusCode).toBe(400);
  });

  it("signs in once with the right code: a customer token and an httpOnly refresh cookie", async () => {
    const phone = nextPhone();
    await requestCode(phone);
    const code = await smsCode(phone);
    const wrong = await verify(phone, code === "000000" ? "111111" : "000000");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("SIGN_IN_CODE_INVALID");
    const ok = await verify(phone, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.phone).toBe(phone);
    const cookie = refreshCookieOf(ok);
    expect(ok.cookies.find((c) => c.name === "eq_rt")).toMatchObject({
      httpOnly: true,
      sameSite: "Strict",
      path: "/api/customer/auth",
    });
    expect(cookie.value).toBeTruthy();
    const me = await call(p.app, "GET", "/api/customer/auth/me", { token: ok.json().accessToken });
    expect(me.json()).toEqual({ id: ok.json().user.id, phone });
    // Single use.
    const again = await verify(phone, code);
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe("SIGN_IN_CODE_EXPIRED");
    // A second sign-in is the same account.
    await requestCode(phone);
    const second = await verify(phone, await smsCode(phone));
    expect(second.json().user.id).toBe(ok.json().user.id);
  });

  it("gives one session for one code when two verifies race, and sends 3 codes when 5 requests race", async () => {
    const phone = nextPhone();
    await requestCode(phone);
    const code = await smsCode(phone);
    const both = await Promise.all([verify(phone, code), verify(phone, code)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 410]);

    // Ten wrong tries at once: five are judged, the rest find the code dead.
    const guessed = nextPhone();
    await requestCode(guessed);
    const right = await smsCode(guessed);
    const wrong = right === "123456" ? "654321" : "123456";
    const ten = await Promise.all(Array.from({ length: 10 }, () => verify(guessed, wrong)));
    const codes = ten.map((r) => r.json().error.code as string);
    expect(codes.filter((c) => c === "SIGN_IN_CODE_INVALID")).toHaveLength(5);
    expect(codes.filter((c) => c === "SIGN_IN_CODE_LOCKED")).toHaveLength(5);

    const other = nextPhone();
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => requestCode(other)));
    expect(five.filter((r) => r.statusCode === 202)).toHaveLength(3);
    expect(five.filter((r) => r.statusCode === 429)).toHaveLength(2);
  });

  it("refuses an expired code", async () => {
    const phone = nextPhone();
    await requestCode(phone);
    await p.ctx.db
      .updateTable("platform.customer_codes")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("phone", "=", phone)
      .execute();
    const res = await verify(phone, await smsCode(phone));
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe("SIGN_IN_CODE_EXPIRED");
  });

  it("kills a code after 5 wrong tries, even if the right one comes next", async () => {
    const phone = nextPhone();
    await requestCode(phone);
    const code = await smsCode(phone);
    const wrongCode = code === "999999" ? "999998" : "999999";
    for (let i = 0; i < 5; i++) {
      expect((await verify(phone, wrongCode)).json().error.code).toBe("SIGN_IN_CODE_INVALID");
    }
    const late = await verify(phone, code);
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe("SIGN_IN_CODE_LOCKED");
  });

  it("accepts only the newest code of a number", async () => {
    const phone = nextPhone();
    await requestCode(phone);
    const first = await smsCode(phone);
    await requestCode(phone);
    const second = await smsCode(phone);
    if (first !== second) expect((await verify(phone, first)).statusCode).toBe(400);
    expect((await verify(phone, second)).statusCode).toBe(200);
  });

  it("sends at most 3 codes per number in 10 minutes, and limits each client address", async () => {
    const phone = nextPhone();
    for (let i = 0; i < 3; i++) expect((await requestCode(phone)).statusCode).toBe(202);
    const fourth = await requestCode(phone);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe("RATE_LIMITED");
    expect(Number(fourth.headers["retry-after"])).toBeGreaterThan(500);
    const sent = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("id")
      .where("recipient", "=", phone)
      .execute();
    expect(sent).toHaveLength(3);

    const ip = "10.9.9.9";
    for (let i = 0; i < 10; i++) expect((await requestCode(nextPhone(), ip)).statusCode).toBe(202);
    expect((await requestCode(nextPhone(), ip)).statusCode).toBe(429);
  });

  it("rotates the refresh cookie; a replayed one ends the whole session", async () => {
    const phone = nextPhone();
    await requestCode(phone);
    const signIn = await verify(phone, await smsCode(phone));
    const first = `eq_rt=${refreshCookieOf(signIn).value}`;
    const r1 = await call(p.app, "POST", "/api/customer/auth/refresh", { cookie: first });
    expect(r1.statusCode).toBe(200);
    expect(r1.json().user.phone).toBe(phone);
    const second = `eq_rt=${refreshCookieOf(r1).value}`;
    expect(second).not.toBe(first);
    // Beside it, the readable hint for every page (no secret in it), set and renewed with it.
    const hint = (res: {
      cookies: { name: string; value: string; path?: string; httpOnly?: boolean }[];
    }) => res.cookies.find((c) => c.name === "eq_customer");
    for (const res of [signIn, r1]) {
      expect(hint(res)).toMatchObject({ value: "1", path: "/" });
      expect(hint(res)?.httpOnly).toBeFalsy();
    }
    const me = await call(p.app, "GET", "/api/customer/auth/me", { token: r1.json().accessToken });
    expect(me.statusCode).toBe(200);
    // Replaying the used cookie is refused and revokes its family: the newer one dies too.
    const replay = await call(p.app, "POST", "/api/customer/auth/refresh", { cookie: first });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe("SESSION_EXPIRED");
    const after = await call(p.app, "POST", "/api/customer/auth/refresh", { cookie: second });
    expect(after.statusCode).toBe(401);
    // A refused refresh clears the hint: the pages stop asking.
    expect(hint(after)).toMatchObject({ value: "", path: "/" });
    // Logout ends a session.
    await requestCode(phone);
    const again = await verify(phone, await smsCode(phone));
    const cookie = `eq_rt=${refreshCookieOf(again).value}`;
    const out = await call(p.app, "POST", "/api/customer/auth/logout", { cookie });
    expect(out.statusCode).toBe(204);
    expect(hint(out)).toMatchObject({ value: "", path: "/" });
    expect((await call(p.app, "POST", "/api/customer/auth/refresh", { cookie })).statusCode).toBe(
      401,
    );
  });

  it("keeps the realms apart: customer, staff and super admin tokens and cookies", async () => {
    const phone = nextPhone();
    await requestCode(phone);
    const signIn = await verify(phone, await smsCode(phone));
    const customerToken = signIn.json().accessToken as string;
    const customerCookie = `eq_rt=${refreshCookieOf(signIn).value}`;
    const superToken = await loginSuperAdmin(p.app);
    const { slug, company } = await createQueueCompany(p);
    const setup = await createBranchWithService(p.ctx, company);
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [setup.services[0]!.id],
    });
    for (const token of [superToken, op.token]) {
      const res = await call(p.app, "GET", "/api/customer/auth/me", { token });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("WRONG_REALM");
    }
    const platform = await call(p.app, "GET", "/api/platform/outbox", { token: customerToken });
    expect(platform.json().error.code).toBe("WRONG_REALM");
    const staff = await call(p.app, "GET", `/api/c/${slug}/auth/me`, { token: customerToken });
    expect(staff.json().error.code).toBe("WRONG_REALM");
    // A customer's refresh cookie does not open the platform realm, nor the reverse.
    const crossed = await call(p.app, "POST", "/api/platform/auth/refresh", {
      cookie: customerCookie,
    });
    expect(crossed.statusCode).toBe(401);
    const anon = await call(p.app, "GET", "/api/customer/auth/me");
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe("UNAUTHENTICATED");
  });
});

describe("customer sign-in with an SMS gateway configured", () => {
  const CREDS = { email: "bot@e-queue.test", password: "gateway-secret" };
  let gateway: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  let q: TestPlatform;
  beforeAll(async () => {
    gateway = await startFakeSmsGateway(CREDS);
    q = await createTestPlatform(
      {
        SMS_GATEWAY_URL: gateway.url,
        SMS_GATEWAY_EMAIL: CREDS.email,
        SMS_GATEWAY_PASSWORD: CREDS.password,
        SMS_FROM: "4546",
      },
      { dayEndWorker: false },
    );
  });
  afterAll(async () => {
    await q?.close();
    await gateway?.close();
  });

  it("delivers the code to the gateway over HTTP, and that code signs in", async () => {
    const res = await call(q.app, "POST", "/api/customer/auth/request-code", {
      body: { phone: "+998 93 555 44 33" },
    });
    expect(res.statusCode).toBe(202);
    await q.ctx.outbox.tick();
    expect(gateway.sent).toHaveLength(1);
    expect(gateway.sent[0]!.mobile_phone).toBe("998935554433");
    const code = /\b(\d{6})\b/.exec(gateway.sent[0]!.message)![1]!;
    // The code is the customer's alone: the super admin's outbox says it went, not what it was.
    const outbox = await call(q.app, "GET", "/api/platform/outbox", {
      token: await loginSuperAdmin(q.app),
    });
    expect(outbox.json().items).toContainEqual(
      expect.objectContaining({ channel: "sms", to: "+998935554433", hidden: true, text: "" }),
    );
    expect(outbox.body).not.toContain(code);
    const ok = await call(q.app, "POST", "/api/customer/auth/verify", {
      body: { phone: "+998935554433", code },
    });
    expect(ok.statusCode).toBe(200);
  });
});
