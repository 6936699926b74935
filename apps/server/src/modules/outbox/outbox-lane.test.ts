import { describe, expect, it } from "vitest";
import type { FastifyBaseLogger } from "fastify";
import { ChannelLane, type QueuedSend } from "./outbox-lane";
import type { ClaimedMessage, DeliveryOutcome } from "./outbox.repository";
import { NotStartedError, type SendPriority, type Transport } from "./transport";

const row = (id: string, recipient: string, flags: { urgent?: boolean; bulk?: boolean } = {}) =>
  ({
    id,
    channel: "telegram",
    recipient,
    subject: "",
    body_text: id,
    body_html: null,
    attempts: 0,
    claims: 0,
    urgent: flags.urgent ?? false,
    bulk: flags.bulk ?? false,
  }) as unknown as ClaimedMessage;

/**
 * A lane over a transport whose pacing makes a bulk message wait `bulkWaitMs` (its priority
 * comes last) and a normal one not; a message named "boom" fails, "late" is not started.
 */
function laneWith(bulkWaitMs: number) {
  const sent: string[] = [];
  const transport: Transport = {
    channel: "telegram",
    retry: { maxAttempts: 3, baseSeconds: 30, maxSeconds: 30 },
    concurrency: 4,
    readyIn: (_to: string, _now: number, priority: SendPriority) =>
      priority === "bulk" ? bulkWaitMs : 0,
    send: async (m) => {
      if (m.text === "boom") throw new Error("gateway said 500");
      if (m.text === "late") throw new NotStartedError("too late");
      sent.push(m.id);
    },
    close: () => {},
  };
  const lane = new ChannelLane(transport, {
    log: { warn: () => {} } as unknown as FastifyBaseLogger,
    attachments: null,
    isStopped: () => false,
    pauses: new Map(),
  });
  const outcomes = new Map<string, DeliveryOutcome>();
  const push = (m: ClaimedMessage, claim = 1) =>
    new Promise<DeliveryOutcome>((resolve) => {
      const q: QueuedSend = {
        m,
        claim,
        startBy: Date.now() + 60_000,
        done: (o) => {
          outcomes.set(o.id, o);
          resolve(o);
        },
      };
      lane.push(q);
    });
  return { sent, outcomes, push };
}

describe("a channel's lane", () => {
  it("hands a recipient's later messages back with the one handed back, due with it", async () => {
    const { sent, outcomes, push } = laneWith(5_000);
    await Promise.all([
      push(row("reminder", "chat-a", { bulk: true })),
      push(row("cancelled", "chat-a")),
      push(row("other chat", "chat-b")),
      push(row("called", "chat-a", { urgent: true })),
    ]);
    const reminder = outcomes.get("reminder");
    expect(reminder).toMatchObject({ kind: "released" });
    // Queued behind the reminder to the same chat: back too, due at the same time, so a claim
    // takes both again together, in their order.
    expect(outcomes.get("cancelled")).toEqual({ ...reminder, id: "cancelled" });
    // Another chat is not held, nor is an urgent message (the lane puts it first anyway).
    expect(sent.sort()).toEqual(["called", "other chat"]);
    // A later claim was made after the reminder went back, and takes it first: not held.
    await push(row("next claim", "chat-a"), 2);
    expect(sent).toContain("next claim");
  });

  it("still holds them once the one handed back is due: it is claimed again before them", async () => {
    const { sent, push } = laneWith(450);
    const first = await push(row("reminder", "chat-a", { bulk: true }));
    expect(first.kind).toBe("released");
    await new Promise((r) => setTimeout(r, 500));
    const later = await push(row("cancelled", "chat-a"));
    expect(later.kind).toBe("released");
    expect(sent).toEqual([]);
  });

  it("holds them behind a message that failed and waits for its retry, or was not started", async () => {
    const { sent, outcomes, push } = laneWith(0);
    const before = Date.now();
    await push(row("boom", "chat-a"));
    expect(outcomes.get("boom")).toMatchObject({ kind: "failed", retryInSeconds: 30 });
    const behind = await push(row("after the failure", "chat-a"));
    expect(behind.kind).toBe("released");
    expect((behind as { dueAt: Date }).dueAt.getTime()).toBeGreaterThanOrEqual(before + 30_000);

    expect(await push(row("late", "chat-b"))).toMatchObject({ kind: "released" });
    expect(await push(row("after the late one", "chat-b"))).toMatchObject({ kind: "released" });
    expect(sent).toEqual([]);
  });
});
