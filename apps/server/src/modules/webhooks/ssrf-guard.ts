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
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** True for an address a webhook must not reach in production. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
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
