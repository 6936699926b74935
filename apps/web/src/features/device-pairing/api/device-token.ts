import type { DeviceKind } from "./pairing.api";

/** Where a paired screen keeps its token: one per company, branch and kind. */
export const deviceTokenKey = (slug: string, branchSlug: string, kind: DeviceKind) =>
  `eq.device.${slug}.${branchSlug}.${kind}`;

export function readDeviceToken(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeDeviceToken(key: string, token: string): void {
  try {
    localStorage.setItem(key, token);
  } catch {
    // Private mode: the pairing lasts until the tab closes.
  }
}

export function clearDeviceToken(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}
