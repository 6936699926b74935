import { describe, expect, it } from "vitest";
import { companyHostRewrite } from "./tenancy";

describe("API paths on a company's own host", () => {
  const rewrite = companyHostRewrite("e-queue.uz");
  const on = (host: string, url: string) => rewrite({ url, headers: { host } });

  it("maps the company's API onto its path, and leaves the platform's own APIs alone", () => {
    expect(on("hamkor.e-queue.uz", "/api/portal")).toBe("/api/c/hamkor/portal");
    expect(on("hamkor.e-queue.uz", "/api/auth/login")).toBe("/api/c/hamkor/auth/login");
    // The customer's account is one across companies: the same API on every host.
    expect(on("hamkor.e-queue.uz", "/api/customer/tickets")).toBe("/api/customer/tickets");
    expect(on("hamkor.e-queue.uz", "/api/public/tracking/x")).toBe("/api/public/tracking/x");
    expect(on("e-queue.uz", "/api/customer/tickets")).toBe("/api/customer/tickets");
  });
});
