/**
 * Steady ticket issuing with a tracking read after each issue, over real HTTP, recording every
 * answer: what the outage tests and the outage benchmark put on a server while its database,
 * Redis or the server itself goes away. `baseUrl` is asked per request, so a benchmark can point
 * the load at a restarted server.
 */
export type LoadTarget = {
  baseUrl: () => string;
  slug: string;
  token: string;
  branchId: string;
  serviceId: string;
};

export type LoadAnswer = {
  /** ms since the load started */
  at: number;
  kind: "issue" | "read";
  /** 0: no HTTP answer (refused, reset, timed out) */
  status: number;
  code: string | null;
  /** The Retry-After header of an error answer. */
  retryAfter: string | null;
  ms: number;
};

export class IssueLoad {
  readonly answers: LoadAnswer[] = [];
  /** Tickets whose issue answered 2xx: each must exist afterwards. */
  readonly acknowledged: string[] = [];
  private running = false;
  private workers: Promise<void>[] = [];
  private began = 0;

  constructor(
    private readonly target: LoadTarget,
    private readonly opts: { workers?: number; timeoutMs?: number; pauseMs?: number } = {},
  ) {}

  start(): this {
    this.running = true;
    this.began = performance.now();
    const n = this.opts.workers ?? 4;
    this.workers = Array.from({ length: n }, () => this.loop());
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** ms since the load started (the clock of `answers[].at`). */
  now(): number {
    return performance.now() - this.began;
  }

  /** When the first 2xx issue after `fromMs` was sent, or null. */
  firstIssueOkAfter(fromMs: number): number | null {
    const ok = this.answers.filter((a) => a.kind === "issue" && a.at >= fromMs && isOk(a));
    return ok.length ? Math.min(...ok.map((a) => a.at)) : null;
  }

  private async loop(): Promise<void> {
    const t = this.target;
    while (this.running) {
      const issued = await this.request("issue", `/api/c/${t.slug}/queue/tickets`, {
        method: "POST",
        headers: { authorization: `Bearer ${t.token}`, "content-type": "application/json" },
        body: JSON.stringify({ branchId: t.branchId, serviceId: t.serviceId }),
      });
      const ticket = (issued as { ticket?: { id: string; trackingToken: string } } | null)?.ticket;
      if (ticket) {
        this.acknowledged.push(ticket.id);
        await this.request("read", `/api/c/${t.slug}/public/tickets/${ticket.trackingToken}`, {});
      }
      if (this.opts.pauseMs) await new Promise((r) => setTimeout(r, this.opts.pauseMs));
    }
  }

  private async request(kind: LoadAnswer["kind"], url: string, init: RequestInit) {
    const at = this.now();
    let status = 0;
    let code: string | null = null;
    let retryAfter: string | null = null;
    let body: unknown = null;
    try {
      const res = await fetch(this.target.baseUrl() + url, {
        ...init,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
      status = res.status;
      retryAfter = res.headers.get("retry-after");
      body = await res.json().catch(() => null);
      code = (body as { error?: { code?: string } } | null)?.error?.code ?? null;
    } catch (err) {
      code = (err as Error).name === "TimeoutError" ? "TIMEOUT" : "NO_ANSWER";
      // A refused connection (the server is down) must not spin the loop.
      await new Promise((r) => setTimeout(r, 50));
    }
    this.answers.push({ at, kind, status, code, retryAfter, ms: this.now() - at });
    return status >= 200 && status < 300 ? body : null;
  }
}

export const isOk = (a: LoadAnswer) => a.status >= 200 && a.status < 300;

/** Answers that break the bar: anything but 2xx or a retryable 503 in the error shape. */
export const badAnswers = (answers: LoadAnswer[]) =>
  answers.filter(
    (a) =>
      !isOk(a) && !(a.status === 503 && a.code === "DATABASE_UNAVAILABLE" && a.retryAfter !== null),
  );

/** Counts by "status code" ("201", "503 DATABASE_UNAVAILABLE", "0 NO_ANSWER"). */
export function tally(answers: LoadAnswer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const k = isOk(a) ? String(a.status) : `${a.status} ${a.code ?? ""}`.trim();
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
