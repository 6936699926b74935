/**
 * The `webhooks` bench's load: every 1000/rate ms an idle operator (round-robin over branches)
 * issues a ticket at its branch, calls the next one, starts and finishes it, over HTTP; the
 * moment each answer arrives (Date.now) is the acknowledgement the receiver's arrival is timed
 * from. A slot with no idle operator is counted, not queued.
 */
import type { HttpClient } from "./http";
import type { OperatorRef } from "./queue-fixture";
import { ackKey, spread, type Ack, type BenchEventType, type Spread } from "./webhook-audit";

export type CycleLoad = {
  cycles: number;
  seconds: number;
  errors: string[];
  behind: number;
  empty: number;
  httpLatency: Spread;
};

export async function driveCycles(
  http: HttpClient,
  operators: readonly OperatorRef[],
  opts: { rate: number; seconds: number; warm: boolean },
  acks: Map<string, Ack>,
): Promise<CycleLoad> {
  const errors: string[] = [];
  const httpLat: number[] = [];
  let cycles = 0;
  let behind = 0;
  let empty = 0;
  const byBranch = new Map<string, OperatorRef[]>();
  for (const op of operators) byBranch.set(op.branchId, [...(byBranch.get(op.branchId) ?? []), op]);
  const lines = [...byBranch.values()];
  const idle: OperatorRef[] = [];
  for (let i = 0; lines.some((l) => i < l.length); i++)
    for (const l of lines) if (i < l.length) idle.push(l[i]!);

  const post = async (op: OperatorRef, path: string, body: unknown, want: number) => {
    const t = performance.now();
    const res = await http.request("POST", `/api/c/${op.slug}/queue${path}`, {
      body,
      token: op.token,
    });
    const at = Date.now();
    httpLat.push(performance.now() - t);
    if (res.status !== want) throw new Error(`${path} ${res.status} ${res.body.slice(0, 200)}`);
    return { at, body: JSON.parse(res.body) as { ticket: { id: string } | null } };
  };
  const ack = (ticketId: string, op: OperatorRef, type: BenchEventType, at: number) =>
    acks.set(ackKey(ticketId, type), {
      ticketId,
      companyId: op.companyId,
      type,
      at,
      warm: opts.warm,
    });

  const cycle = async (op: OperatorRef) => {
    const issued = await post(
      op,
      "/tickets",
      { branchId: op.branchId, serviceId: op.serviceIds[0] },
      201,
    );
    ack(issued.body.ticket!.id, op, "ticket.issued", issued.at);
    const called = await post(op, "/call-next", {}, 200);
    const ticket = called.body.ticket;
    if (!ticket) return void empty++;
    ack(ticket.id, op, "ticket.called", called.at);
    await post(op, `/tickets/${ticket.id}/start`, {}, 200);
    const finished = await post(op, `/tickets/${ticket.id}/finish`, {}, 200);
    ack(ticket.id, op, "ticket.served", finished.at);
    cycles++;
  };

  const inflight = new Set<Promise<void>>();
  const interval = 1000 / opts.rate;
  const t0 = performance.now();
  const slots = Math.round(opts.rate * opts.seconds);
  for (let i = 0; i < slots; i++) {
    const wait = t0 + i * interval - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const op = idle.shift();
    if (!op) {
      behind++;
      continue;
    }
    const p = cycle(op)
      .catch((err: unknown) => {
        if (errors.length < 1000) errors.push(String(err instanceof Error ? err.message : err));
      })
      .finally(() => {
        idle.push(op);
        inflight.delete(p);
      });
    inflight.add(p);
  }
  await Promise.all(inflight);
  return {
    cycles,
    seconds: (performance.now() - t0) / 1000,
    errors,
    behind,
    empty,
    httpLatency: spread(httpLat),
  };
}
