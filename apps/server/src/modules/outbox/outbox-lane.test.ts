import { describe, expect, it } from "vitest";
import type { FastifyBaseLogger } from "fastify";
import { ChannelLane, type QueuedSend } from "./outbox-lane";
import type { ClaimedMessage, DeliveryOutcome } from "./outbox.repository";
import type { SendPriority, Transport } from "./transport";

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

describe("a channel's lane", () => {
  it("hands a recipient's later messages back with the one handed back, due with it", async () => {
    const sent: string[] = [];
    // The pacing makes a bulk message wait long (its priority comes last), a normal one not.
    const transport: Transport = {
      channel: "telegram",
      retry: { maxAttempts: 3, baseSeconds: 1, maxSeconds: 1 },
      concurrency: 4,
      readyIn: (_to: string, _now: number, priority: SendPriority) =>
        priority === "bulk" ? 5_000 : 0,
      send: async (m) => void sent.push(m.id),
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
      new Promise<void>((resolve) => {
        const q: QueuedSend = {
          m,
          claim,
          startBy: Date.now() + 60_000,
          done: (o) => {
            outcomes.set(o.id, o);
            resolve();
          },
        };
        lane.push(q);
      });
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
    // A later claim took only rows that were due (an admin's retry of one, say): not held.
    await push(row("retried", "chat-a"), 2);
    expect(sent).toContain("retried");
  });
});
