import { describe, expect, it } from "vitest";
import { call, createTestPlatform } from "../../testing";
import { apiCompany } from "../public-api/v1.test-helpers";
import { isPrivateAddress, safeAddress } from "./ssrf-guard";

describe("the webhooks' SSRF guard", () => {
  it("knows private, loopback and link-local addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
      // IPv4 inside IPv6: mapped in hex, compatible, translated, NAT64, 6to4, Teredo.
      "::ffff:7f00:1",
      "::127.0.0.1",
      "::ffff:0:7f00:1",
      "64:ff9b::7f00:1",
      "64:ff9b::a9fe:a9fe",
      "64:ff9b:1::a9fe:a9fe",
      "2002:7f00:1::",
      "2002:c0a8:101::1",
      "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of [
      "8.8.8.8",
      "213.230.64.1",
      "2a00:1450:4001::1",
      "::ffff:8.8.8.8",
      "64:ff9b::808:808",
      "2002:808:808::1",
    ])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it("refuses a loopback address unless allowed", async () => {
    await expect(safeAddress(new URL("http://127.0.0.1:9/x"), false)).rejects.toThrow(/private/);
    await expect(safeAddress(new URL("http://localhost:9/x"), false)).rejects.toThrow(/private/);
    await expect(safeAddress(new URL("http://127.0.0.1:9/x"), true)).resolves.toMatchObject({
      address: "127.0.0.1",
    });
  });

  it("is applied when an admin saves an endpoint", async () => {
    const p = await createTestPlatform();
    try {
      const a = await apiCompany(p, "hooks-ssrf");
      const res = await call(p.app, "POST", `/api/c/${a.slug}/admin/webhooks`, {
        token: a.adminToken,
        body: { url: "http://169.254.169.254/latest", eventTypes: ["ticket.issued"] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe("url");
      for (const url of ["http://[::ffff:7f00:1]/x", "http://[64:ff9b::a9fe:a9fe]/latest"]) {
        const hidden = await call(p.app, "POST", `/api/c/${a.slug}/admin/webhooks`, {
          token: a.adminToken,
          body: { url, eventTypes: ["ticket.issued"] },
        });
        expect(hidden.statusCode, url).toBe(400);
      }
      const portZero = await call(p.app, "POST", `/api/c/${a.slug}/admin/webhooks`, {
        token: a.adminToken,
        body: { url: "https://example.com:0/hook", eventTypes: ["ticket.issued"] },
      });
      expect(portZero.json().error.details[0]).toMatchObject({
        path: "url",
        message: expect.stringContaining("Port 0"),
      });
    } finally {
      await p.close();
    }
  }, 240_000);
});
