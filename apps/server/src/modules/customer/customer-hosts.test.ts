import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";

let p: TestPlatform;
let clients = 0;
type Cookie = { name: string; value: string; domain?: string; path?: string; maxAge?: number };

/** A request as a browser on `host` sends it, with the refresh cookie it holds. */
const post = (host: string, url: string, body?: unknown, cookie?: string) =>
  p.app.inject({
    method: "POST",
    url,
    headers: {
      host,
      ...(body !== undefined && { "content-type": "application/json" }),
      ...(cookie && { cookie: `eq_rt=${cookie}` }),
    },
    ...(body !== undefined && { payload: JSON.stringify(body) }),
    remoteAddress: `10.9.0.${++clients}`,
  });

async function signIn(host: string, phone: string) {
  expect((await post(host, "/api/customer/auth/request-code", { phone })).statusCode).toBe(202);
  const row = await p.ctx.db
    .selectFrom("platform.outbox")
    .select("body_text")
    .where("channel", "=", "sms")
    .where("recipient", "=", phone)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  const code = /\b(\d{6})\b/.exec(row.body_text)![1]!;
  const res = await post(host, "/api/customer/auth/verify", { phone, code });
  expect(res.statusCode, res.body).toBe(200);
  return res.cookies as Cookie[];
}

beforeAll(async () => {
  p = await createTestPlatform({ BASE_DOMAIN: "e-queue.test" }, { dayEndWorker: false });
});
afterAll(async () => p?.close());

describe("a customer's sign-in across the platform's hosts", () => {
  it("shares the refresh cookie with the company subdomains, so the customer stays signed in there", async () => {
    const cookies = await signIn("e-queue.test", "+998901240001");
    const shared = cookies.find((c) => c.name === "eq_rt" && c.maxAge! > 0)!;
    expect(shared).toMatchObject({ domain: "e-queue.test", path: "/api/customer/auth" });
    // A host-only cookie set before this change is cleared in the same answer.
    expect(cookies.find((c) => c.name === "eq_rt" && !c.domain)).toMatchObject({
      value: "",
      path: "/api/customer/auth",
    });
    // At the bank's own address the browser sends the same cookie: the session goes on there.
    const there = await post(
      "hamkorbank.e-queue.test",
      "/api/customer/auth/refresh",
      {},
      shared.value,
    );
    expect(there.statusCode, there.body).toBe(200);
    expect(there.json().user.phone).toBe("+998901240001");
    const rotated = (there.cookies as Cookie[]).find((c) => c.name === "eq_rt" && c.maxAge! > 0)!;
    expect(rotated.domain).toBe("e-queue.test");
    // And back at the directory, with the cookie the subdomain rotated.
    const back = await post("e-queue.test", "/api/customer/auth/refresh", {}, rotated.value);
    expect(back.statusCode, back.body).toBe(200);
    // Signing out clears both kinds of cookie.
    const out = await post("hamkorbank.e-queue.test", "/api/customer/auth/logout", undefined);
    const cleared = (out.cookies as Cookie[]).filter((c) => c.name === "eq_rt");
    expect(cleared.map((c) => c.domain ?? null).sort()).toEqual(["e-queue.test", null].sort());
    expect(cleared.every((c) => c.value === "")).toBe(true);
  });

  it("keeps a host-only cookie on any other host (an address, a LAN name)", async () => {
    const cookies = await signIn("10.0.0.5:3000", "+998901240002");
    const own = cookies.filter((c) => c.name === "eq_rt");
    expect(own).toHaveLength(1);
    expect(own[0]!.domain).toBeUndefined();
  });
});
