import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuthSession } from "./auth-session";

type User = { id: string; mustChangePassword?: boolean };

// The browser's storage, as a plain map: the test runs without a DOM. The API base is relative,
// so every request fails here exactly as a refused refresh does in the browser.
const stored = new Map<string, string>();
const storage = {
  getItem: (key: string) => stored.get(key) ?? null,
  setItem: (key: string, value: string) => void stored.set(key, value),
  removeItem: (key: string) => void stored.delete(key),
};

beforeEach(() => {
  stored.clear();
  Object.assign(globalThis, { localStorage: storage });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, "localStorage");
});

const signIn = (session: AuthSession<User>) =>
  session.adopt({ accessToken: "not-a-jwt", user: { id: "u1" } });

describe("session expiry notice", () => {
  it("a first visit is plainly anonymous, not an expired session", async () => {
    const session = new AuthSession<User>("/api/platform");
    expect(await session.ensure()).toBe(false);
    expect(session.getState()).toMatchObject({ status: "anonymous", expired: false });
  });

  it("a session that ran out while the page was open is reported as expired", async () => {
    const session = new AuthSession<User>("/api/platform");
    signIn(session);
    expect(await session.refresh()).toBe(false);
    expect(session.getState()).toMatchObject({ status: "anonymous", expired: true });
  });

  it("a reload after the session ran out still says so, once", async () => {
    signIn(new AuthSession<User>("/api/c/acme"));
    const reloaded = new AuthSession<User>("/api/c/acme");
    await reloaded.ensure();
    expect(reloaded.getState().expired).toBe(true);
    const again = new AuthSession<User>("/api/c/acme");
    await again.ensure();
    expect(again.getState().expired).toBe(false);
  });

  it("signing out is not an expiry, and one realm's session says nothing of another's", async () => {
    const platform = new AuthSession<User>("/api/platform");
    signIn(platform);
    await platform.logout();
    expect(platform.getState().expired).toBeFalsy();
    const company = new AuthSession<User>("/api/c/acme");
    signIn(new AuthSession<User>("/api/platform"));
    await company.ensure();
    expect(company.getState().expired).toBe(false);
  });

  it("works without storage (private mode): no notice rather than a crash", async () => {
    Reflect.deleteProperty(globalThis, "localStorage");
    const session = new AuthSession<User>("/api/platform");
    signIn(session);
    await session.ensure();
    expect(await session.refresh()).toBe(false);
    expect(session.getState().expired).toBe(true);
  });
});

describe("the first visit", () => {
  // Counts the requests the session makes; each is refused as a missing cookie is.
  let requests: string[] = [];
  const realFetch = globalThis.fetch;
  beforeEach(() => {
    requests = [];
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      requests.push(String(input));
      return new Response(
        JSON.stringify({ error: { code: "UNAUTHORIZED", message: "No session" } }),
        {
          status: 401,
          headers: { "content-type": "application/json" },
        },
      );
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it("a browser never signed in to a staff realm asks nothing (no 401 in its console)", async () => {
    const session = new AuthSession<User>("/api/c/acme");
    expect(await session.ensure()).toBe(false);
    expect(requests).toEqual([]);
  });

  it("a browser that was signed in asks the refresh cookie once", async () => {
    signIn(new AuthSession<User>("/api/c/acme"));
    const reloaded = new AuthSession<User>("/api/c/acme");
    expect(await reloaded.ensure()).toBe(false);
    expect(requests).toEqual(["/api/c/acme/auth/refresh"]);
  });

  it("a realm whose cookie spans sites asks when its hint cookie is there, or unknown", async () => {
    await new AuthSession<User>("/api/customer", { sessionHint: () => false }).ensure();
    expect(requests).toEqual([]);
    await new AuthSession<User>("/api/customer", { sessionHint: () => true }).ensure();
    await new AuthSession<User>("/api/customer", { sessionHint: () => null }).ensure();
    expect(requests).toEqual(["/api/customer/auth/refresh", "/api/customer/auth/refresh"]);
  });

  it("without storage it asks rather than forget a session", async () => {
    Reflect.deleteProperty(globalThis, "localStorage");
    await new AuthSession<User>("/api/platform").ensure();
    expect(requests).toEqual(["/api/platform/auth/refresh"]);
  });
});
