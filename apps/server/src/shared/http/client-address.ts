import { isIPv6 } from "node:net";

/**
 * A client as a per-address limit counts it: an IPv4 address, or the /64 of an IPv6 one (a
 * household's or a phone's whole prefix — an IPv6 client picks any address inside it, and would
 * get a fresh budget with each), an IPv4-mapped IPv6 address as its IPv4 one. As
 * @fastify/rate-limit's own key does.
 */
export function clientKey(ip: string): string {
  const address = ip.toLowerCase().split("%")[0]!;
  if (!isIPv6(address)) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  let full: string[];
  if (address.includes("::")) {
    const [head = "", tail = ""] = address.split("::");
    const h = groups(head);
    const t = groups(tail);
    full = [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t];
  } else full = groups(address);
  const prefix = full.slice(0, 4).map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : 0));
  return `${prefix.map((n) => n.toString(16)).join(":")}::/64`;
}
