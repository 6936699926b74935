import { AppError } from "../../shared/app-error";
import {
  PAIRING_WRONG_CODES_PER_ADDRESS,
  PAIRING_WRONG_CODES_WINDOW_MINUTES,
} from "./device.schema";

const WINDOW_MS = PAIRING_WRONG_CODES_WINDOW_MINUTES * 60_000;
const MAX_ADDRESSES = 50_000;

/**
 * Counts wrong pairing codes per client address over a sliding window, in this process's memory
 * (each node counts its own). A wrong code cannot be told apart as a guess at one particular
 * device (codes are six digits without a device part), so the guesser is limited, never the
 * pending codes: strangers cannot lock a company's codes, and a fresh code always works from an
 * address that is not itself limited.
 */
export class PairingLimiter {
  private readonly wrong = new Map<string, number[]>();

  /**
   * Starts an attempt: refuses an address that entered too many wrong codes lately (saying how
   * long to wait), else counts this attempt as wrong right away — so parallel guesses cannot
   * slip past the limit — and returns the way to take it back when the code was right.
   */
  attempt(address: string, now = Date.now()): () => void {
    this.assertAllowed(address, now);
    this.recordWrong(address, now);
    return () => {
      const times = this.wrong.get(address);
      const i = times?.lastIndexOf(now) ?? -1;
      if (times && i >= 0) times.splice(i, 1);
    };
  }

  private assertAllowed(address: string, now: number) {
    const recent = this.recent(address, now);
    if (recent.length < PAIRING_WRONG_CODES_PER_ADDRESS) return;
    const waitMs = recent[0]! + WINDOW_MS - now;
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    throw new AppError(
      "RATE_LIMITED",
      `Too many wrong codes from this device; wait ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      { headers: { "retry-after": String(Math.max(1, Math.ceil(waitMs / 1000))) } },
    );
  }

  private recordWrong(address: string, now: number) {
    if (this.wrong.size >= MAX_ADDRESSES) this.prune(now);
    this.wrong.set(address, [...this.recent(address, now), now]);
  }

  /** Forgives an address, e.g. the admin's own when they make a fresh code on site. */
  forget(address: string | null) {
    if (address) this.wrong.delete(address);
  }

  private recent(address: string, now: number): number[] {
    return (this.wrong.get(address) ?? []).filter((at) => at > now - WINDOW_MS);
  }

  private prune(now: number) {
    for (const [address, times] of this.wrong) {
      if (!times.some((at) => at > now - WINDOW_MS)) this.wrong.delete(address);
    }
    if (this.wrong.size >= MAX_ADDRESSES) this.wrong.clear();
  }
}

const limiters = new WeakMap<object, PairingLimiter>();

/** The limiter of one running app (keyed by its context, so test apps do not share counts). */
export function pairingLimiter(owner: object): PairingLimiter {
  let limiter = limiters.get(owner);
  if (!limiter) limiters.set(owner, (limiter = new PairingLimiter()));
  return limiter;
}
