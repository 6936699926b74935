import { describe, expect, it } from "vitest";
import { clientKey } from "./client-address";

describe("a client as a per-address limit counts it", () => {
  it("is an IPv4 address as it is, and an IPv4-mapped IPv6 one as its IPv4", () => {
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::FFFF:203.0.113.7")).toBe("203.0.113.7");
  });

  it("is an IPv6 address's /64: every address of one prefix counts as one client", () => {
    const a = clientKey("2001:db8:12:34:1111:2222:3333:4444");
    expect(a).toBe("2001:db8:12:34::/64");
    expect(clientKey("2001:0db8:0012:0034::1")).toBe(a);
    expect(clientKey("2001:db8:12:34:ffff::")).toBe(a);
    expect(clientKey("2001:db8:12:35::1")).not.toBe(a);
    expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
  });
});
