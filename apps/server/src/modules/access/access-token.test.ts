import { afterEach, describe, expect, it, vi } from "vitest";
import { AccessTokens } from "./access-token";

const claims = {
  realm: "company" as const,
  sub: "staff-1",
  email: "op@bank.uz",
  role: "OPERATOR" as const,
  companyId: "company-a",
  mustChangePassword: false,
};

describe("access tokens: remembered verification", () => {
  afterEach(() => vi.useRealTimers());

  it("keeps refusing a token once it has expired, even after it was accepted", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-24T09:00:00Z"), toFake: ["Date"] });
    const tokens = new AccessTokens("x".repeat(40), 60);
    const token = await tokens.sign(claims);
    await expect(
      tokens.verify(token, { realm: "company", companyId: "company-a" }),
    ).resolves.toMatchObject({ sub: "staff-1", role: "OPERATOR" });
    vi.setSystemTime(new Date("2026-11-24T09:01:01Z"));
    await expect(
      tokens.verify(token, { realm: "company", companyId: "company-a" }),
    ).rejects.toMatchObject({ code: "TOKEN_EXPIRED" });
  });

  it("does not carry an accepted token over to another company or realm", async () => {
    const tokens = new AccessTokens("y".repeat(40), 60);
    const token = await tokens.sign(claims);
    await tokens.verify(token, { realm: "company", companyId: "company-a" });
    await expect(
      tokens.verify(token, { realm: "company", companyId: "company-b" }),
    ).rejects.toMatchObject({ code: "WRONG_REALM" });
    await expect(tokens.verify(token, { realm: "platform" })).rejects.toMatchObject({
      code: "WRONG_REALM",
    });
  });

  it("refuses a token signed with another secret although the same text was accepted by its signer", async () => {
    const mine = new AccessTokens("m".repeat(40), 60);
    const theirs = new AccessTokens("t".repeat(40), 60);
    const token = await theirs.sign(claims);
    await theirs.verify(token, { realm: "company", companyId: "company-a" });
    await expect(
      mine.verify(token, { realm: "company", companyId: "company-a" }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("hands out claims nobody can change", async () => {
    const tokens = new AccessTokens("z".repeat(40), 60);
    const token = await tokens.sign(claims);
    const first = await tokens.verify(token, { realm: "company", companyId: "company-a" });
    expect(() => Object.assign(first, { role: "COMPANY_ADMIN" })).toThrow();
    const again = await tokens.verify(token, { realm: "company", companyId: "company-a" });
    expect(again.role).toBe("OPERATOR");
  });
});
