import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/*
 * Webhooks are addresses a company types in; the platform then calls them from inside its own
 * network. Unless the operator allows it (a closed network, tests), an address that is, or
 * resolves to, a private, loopback, link-local, shared, multicast or unspecified address is
 * refused — checked when the endpoint is saved and again at every delivery (DNS can change), and
 * the connection goes to the address that was checked.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b:1::", 48], // local-use NAT64 (RFC 8215): the embedded address's place varies
  ["100::", 64], // discard-only
  ["2001::", 32], // Teredo: the embedded address is obfuscated
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad included). */
function ipv6Groups(address: string): number[] {
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = quad
    ? address.slice(0, quad.index) +
      [(Number(quad[1]) << 8) | Number(quad[2]), (Number(quad[3]) << 8) | Number(quad[4])]
        .map((n) => n.toString(16))
        .join(":")
    : address;
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string | undefined) =>
    part ? part.split(":").map((g) => parseInt(g, 16)) : [];
  const left = parse(head);
  const right = parse(tail);
  return tail === undefined
    ? left
    : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The IPv4 address an IPv6 address carries and that a network would reach through it: mapped
 * (::ffff:a.b.c.d), compatible (::a.b.c.d), translated (::ffff:0:a.b.c.d), NAT64
 * (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::). Null for other addresses.
 */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return v4(g[6]!, g[7]!);
  if (zero(0, 6)) return v4(g[6]!, g[7]!);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return null;
}

/** True for an address a webhook must not reach in production. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return blocked.check(address, "ipv4");
  const inner = embeddedIpv4(address);
  if (inner !== null && blocked.check(inner, "ipv4")) return true;
  return blocked.check(address, "ipv6");
}

export class UnsafeAddressError extends Error {}

/**
 * The address to connect to for `url`'s host, checked: refused (UnsafeAddressError) when any
 * address the name resolves to is private and private addresses are not allowed.
 */
export async function safeAddress(
  url: URL,
  allowPrivate: boolean,
): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const found = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true, verbatim: true });
  if (found.length === 0) throw new UnsafeAddressError(`${host} has no address.`);
  if (!allowPrivate && found.some((a) => isPrivateAddress(a.address))) {
    throw new UnsafeAddressError(
      `${host} is a private or local address; webhooks go to public addresses only.`,
    );
  }
  return found[0]!;
}
