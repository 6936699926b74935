import type { OfflineBlockDto, OfflineSyncResultDto, Wire } from "@equeue/contracts";
import { isApiError } from "../../../lib/api/api-error";
import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import type { KioskService, KioskTicket } from "../api/kiosk.api";
import { readValue, writeValue } from "./offline-store";

export type OfflineBlock = Wire<OfflineBlockDto>;
export type OfflineRange = OfflineBlock["ranges"][number];
/** The block as kept on the device: how far into each range the kiosk has issued. */
type KeptBlock = OfflineBlock & { used: Record<string, number> };

export type PendingTicket = {
  series: string;
  from: number;
  to: number;
  proof: string;
  day: string;
  number: number;
  serviceId: string;
  issuedAt: string;
  name?: string;
  phone?: string;
  language?: string;
};

type SyncResult = Wire<OfflineSyncResultDto>;

const headers = (token: string) => ({ authorization: `Device ${token}` });
const blockKey = (slug: string, token: string) => `block:${slug}:${token.slice(-12)}`;
const pendingKey = (slug: string, token: string) => `pending:${slug}:${token.slice(-12)}`;

/** "YYYY-MM-DD" of `at` in the branch's time zone, as the server counts business days. */
export function branchDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(at);
}

/** Network gone or the server away (not a refusal): the moment to issue from the block. */
export function isUnreachable(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 502);
}

const leftIn = (block: KeptBlock, r: OfflineRange) =>
  r.to - (block.used[`${r.series}:${r.from}`] ?? r.from - 1);

/**
 * The kiosk's reserved numbers for offline issuing: kept on the device, renewed while online
 * when the day changes or a series runs low, and handed in with the tickets issued from them.
 */
export class OfflineTickets {
  private block: KeptBlock | null = null;
  private syncing: Promise<void> | null = null;
  // Changes to the kept tickets run one after another (issuing and handing in may overlap).
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly slug: string,
    private readonly token: string,
  ) {}

  /** Loads the kept block; reserves a fresh one (online) when it is missing, stale or low. */
  async prepare(timeZone: string, online: boolean): Promise<void> {
    this.block ??= (await readValue<KeptBlock>(blockKey(this.slug, this.token))) ?? null;
    const today = branchDay(new Date(), timeZone);
    const stale =
      !this.block ||
      this.block.day !== today ||
      this.block.ranges.some((r) => leftIn(this.block!, r) < 3);
    if (!stale || !online) return;
    const fresh = await requestJson<OfflineBlock>(
      `${companyApiBase(this.slug)}/kiosk/offline-block`,
      { method: "POST", headers: headers(this.token) },
    );
    this.block = { ...fresh, used: {} };
    await writeValue(blockKey(this.slug, this.token), this.block);
  }

  /** Whether `serviceId` can be issued offline now (a number is left for it today). */
  canIssue(serviceId: string, timeZone: string): boolean {
    const b = this.block;
    if (!b || b.day !== branchDay(new Date(), timeZone)) return false;
    return b.ranges.some((r) => r.serviceIds.includes(serviceId) && leftIn(b, r) > 0);
  }

  /**
   * A ticket from the block, kept on the device until it is handed in. People ahead and the
   * wait are the last ones the server told (the line may have moved since).
   */
  async issue(
    service: KioskService,
    details: { name?: string; phone?: string; language?: string },
    ctx: { timeZone: string; branchName: KioskTicket["branchName"] },
  ): Promise<KioskTicket> {
    const b = this.block;
    const range = b?.ranges.find((r) => r.serviceIds.includes(service.id) && leftIn(b, r) > 0);
    if (!b || !range || b.day !== branchDay(new Date(), ctx.timeZone)) {
      throw new Error("no offline number left for this service");
    }
    const key = `${range.series}:${range.from}`;
    const number = (b.used[key] ?? range.from - 1) + 1;
    b.used[key] = number;
    const issuedAt = new Date().toISOString();
    const ticket: PendingTicket = {
      series: range.series,
      from: range.from,
      to: range.to,
      proof: range.proof,
      day: b.day,
      number,
      serviceId: service.id,
      issuedAt,
      ...details,
    };
    await writeValue(blockKey(this.slug, this.token), b);
    const pending = await this.locked(async () => {
      const before = await this.pending();
      await writeValue(pendingKey(this.slug, this.token), [...before, ticket]);
      return before;
    });
    const earlierHere = pending.filter((p) => p.serviceId === service.id).length;
    return {
      label: `${range.series}-${String(number).padStart(3, "0")}`,
      token: range.tokens[number - range.from] ?? "",
      trackPath: `/t/${range.tokens[number - range.from] ?? ""}`,
      serviceName: service.name,
      branchName: ctx.branchName,
      issuedAt,
      peopleAhead: service.waiting + earlierHere,
      wait: service.wait,
      offline: true,
    };
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  pending(): Promise<PendingTicket[]> {
    return readValue<PendingTicket[]>(pendingKey(this.slug, this.token)).then((v) => v ?? []);
  }

  /**
   * Hands in the tickets issued offline; each one the server answered (taken in, already
   * there, or refused for good) leaves the device, names and phones with it. A network
   * failure keeps them for the next try.
   */
  sync(): Promise<void> {
    this.syncing ??= (async () => {
      try {
        const pending = await this.pending();
        if (pending.length === 0) return;
        const { results } = await requestJson<SyncResult>(
          `${companyApiBase(this.slug)}/kiosk/offline-tickets`,
          { method: "POST", headers: headers(this.token), body: { tickets: pending } },
        );
        const answered = new Set(results.map((r) => `${r.series}:${r.number}`));
        await this.locked(async () => {
          const now = await this.pending();
          const left = now.filter((p) => !answered.has(`${p.series}:${p.number}`));
          await writeValue(pendingKey(this.slug, this.token), left);
        });
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }
}
