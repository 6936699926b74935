import { describe, expect, it } from "vitest";
import type { SendPriority } from "../../outbox";
import { TelegramPacing } from "./telegram-pacing";

/**
 * Asks the pacing for slots all at once (one turn of the event loop) and records the order in
 * which they are granted; each send ends as soon as it is granted.
 */
async function grants(asks: [chat: string, priority: SendPriority, label: string][]) {
  const pacing = new TelegramPacing();
  const order: string[] = [];
  await Promise.all(
    asks.map(async ([chat, priority, label]) => {
      const slot = await pacing.pace(chat, priority);
      order.push(label);
      slot.end();
    }),
  );
  return order;
}

describe("Telegram pacing of the bot's slots", () => {
  it("gives the bot's slots to urgent messages first, then normal ones, bulk ones last", async () => {
    const order = await grants([
      ["1", "normal", "n1"],
      ["2", "bulk", "b2"],
      ["3", "normal", "n3"],
      ["4", "bulk", "b4"],
      ["5", "urgent", "u5"],
      ["6", "normal", "n6"],
      ["7", "urgent", "u7"],
    ]);
    // The first asked finds the bot free; the rest wait and go by priority, in the order asked.
    expect(order).toEqual(["n1", "u5", "u7", "n3", "n6", "b2", "b4"]);
  });

  it("moves a chat's waiting message up when a more urgent one of that chat comes behind it", async () => {
    const pacing = new TelegramPacing();
    const order: string[] = [];
    const ask = (chat: string, priority: SendPriority, label: string) =>
      pacing.pace(chat, priority).then((slot) => {
        order.push(label);
        slot.end();
      });
    const asked = [
      ask("1", "normal", "n1"),
      ask("2", "normal", "n2"),
      ask("x", "bulk", "x rating"),
      ask("3", "normal", "n3"),
    ];
    // Let them reach the bot's queue: "x rating" waits among the bulk ones, behind n2 and n3.
    await new Promise((r) => setImmediate(r));
    // "Go to counter 3" waits for its chat's message before it, which therefore moves up (to
    // the urgent ones, by when it asked) and goes next.
    asked.push(ask("x", "urgent", "x called"), ask("4", "normal", "n4"));
    await Promise.all(asked);
    // (n2 may have had the next slot already, on a machine that stalled for one.)
    const x = order.indexOf("x rating");
    expect(order.slice(x, x + 2)).toEqual(["x rating", "x called"]);
    expect(x).toBeLessThanOrEqual(2);
    expect(order.indexOf("n3")).toBeGreaterThan(x);
  });

  it("lets a message that waited 2 s for the bot's slot go before more urgent ones", async () => {
    const pacing = new TelegramPacing();
    const order: string[] = [];
    const ask = (chat: string, priority: SendPriority) =>
      pacing.pace(chat, priority).then((slot) => {
        order.push(chat);
        slot.end();
      });
    const asked = [ask("first", "normal"), ask("rating", "bulk")];
    // Urgent messages ask without pause, each as soon as the one before it went, until five
    // have gone after the rating request (or 10 s have passed: then it never went).
    const started = Date.now();
    let n = 0;
    const keepAsking = async (): Promise<void> => {
      while (Date.now() - started < 10_000) {
        const at = order.indexOf("rating");
        if (at >= 0 && order.length - at > 5) return;
        await ask(`u${n++}`, "urgent");
      }
    };
    await Promise.all([...asked, keepAsking(), keepAsking()]);
    const at = order.indexOf("rating");
    expect(at).toBeGreaterThan(0);
    // Granted after about 2 s of urgent slots (35 ms each), not after every urgent one.
    expect(at).toBeLessThan(4_000 / 35);
    expect(order.length - at).toBeGreaterThan(5);
  });

  it("counts the slots of those ahead in the wait it reports for each priority", async () => {
    const pacing = new TelegramPacing();
    const held = [
      pacing.pace("1", "normal"),
      pacing.pace("2", "normal"),
      pacing.pace("3", "normal"),
      pacing.pace("4", "urgent"),
    ];
    // Let them reach the bot's queue: "1" has the slot, "4" waits first, "2" and "3" after it.
    await new Promise((r) => setImmediate(r));
    const now = Date.now();
    const urgent = pacing.readyIn("9", now, "urgent");
    const normal = pacing.readyIn("9", now, "normal");
    const bulk = pacing.readyIn("9", now, "bulk");
    expect(urgent).toBeLessThanOrEqual(2 * 35);
    expect(normal - urgent).toBe(2 * 35);
    expect(bulk).toBe(normal);
    for (const slot of await Promise.all(held)) slot.end();
  });
});
