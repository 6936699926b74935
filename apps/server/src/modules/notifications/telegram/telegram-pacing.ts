import { setTimeout as sleep } from "node:timers/promises";

/**
 * Telegram asks for ≈ 1 message a second per chat and ≈ 30 a second in all, and allows short
 * bursts over the per-chat rate. A chat's messages keep to one a second on average with
 * `CHAT_BURST` allowed together — so "go to counter 3" right after "you are nearly up" goes at
 * once instead of a second late, and a third message in that second waits. The bot's slots are
 * 35 ms apart (28.6 a second), not 34: a send that wakes late goes closer to the next one, and at
 * 34 ms a loaded machine put 32 sends into one second. The bot's slots go in the order asked
 * (urgent messages are put first by the outbox's lane, before they ask).
 */
const PER_CHAT_MS = 1000;
const CHAT_BURST = 2;
const OVERALL_MS = 35;

/**
 * A chat's allowance as a "theoretical arrival time" (GCRA): each message pushes it a second
 * past itself or the one before, whichever is later, and a message may go once it is at most
 * `CHAT_BURST - 1` seconds ahead. When a message may go, given the chat's time (none: at once).
 */
const chatSlot = (tat: number | undefined, now: number) =>
  Math.max(now, (tat ?? -Infinity) - (CHAT_BURST - 1) * PER_CHAT_MS);
/** The chat's time after a message at `at`. */
const nextTat = (tat: number | undefined, at: number) =>
  Math.max(tat ?? -Infinity, at) + PER_CHAT_MS;

/**
 * One bot's pacing. Per chat, the allowance of the slots taken (`perChat`) and of the sends
 * made (`sentAt`: a send may wait longer for the bot's slot than for its chat's); for the bot,
 * when the last slot was given and who waits for one.
 */
export class TelegramPacing {
  private readonly perChat = new Map<string, number>();
  private readonly sentAt = new Map<string, number>();
  private lastAt = 0;
  /** Who waits for the bot's slot, since when. */
  private readonly waiting: { since: number; go: () => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Per chat, when its last message's send ends: a chat's sends go one after another. */
  private readonly sending = new Map<string, Promise<void>>();

  /** Milliseconds from `now` until a message to `chatId` could go (the outbox hands back a long wait). */
  readyIn(chatId: string, now: number): number {
    return Math.max(
      0,
      chatSlot(this.perChat.get(chatId), now) - now,
      chatSlot(this.sentAt.get(chatId), now) - now,
      this.lastAt + OVERALL_MS - now + this.waiting.length * OVERALL_MS,
    );
  }

  /**
   * Waits for the chat's allowance, then for a slot of the bot's. The chat's slot is taken
   * before its wait, so sends running side by side line up instead of all seeing a free one;
   * the bot's only once the chat's has come, so a message waiting for its chat (a third within
   * the chat's second) does not push every other chat's message back. A chat's message also
   * waits until the send of the one before it has ended: two in flight at once could arrive in
   * either order ("go to counter 3" before "you are nearly up"). The caller ends the slot when
   * its send has ended, and gives it back first when Telegram refused the message (429, an
   * error): it did not reach the chat.
   */
  async pace(chatId: string): Promise<{ giveBack: () => void; end: () => void }> {
    const { perChat, sentAt, sending } = this;
    const now = Date.now();
    const before = perChat.get(chatId);
    const chatAt = chatSlot(before, now);
    const tat = nextTat(before, chatAt);
    perChat.set(chatId, tat);
    const prior = sending.get(chatId);
    let ended!: () => void;
    const end = new Promise<void>((r) => (ended = r));
    sending.set(chatId, end);
    if (perChat.size > 10_000) {
      // Forget only chats whose allowance is whole again: the others still have to wait.
      for (const [chat, t] of perChat) if (t <= now) perChat.delete(chat);
      for (const [chat, t] of sentAt) if (t <= now) sentAt.delete(chat);
    }
    if (chatAt > now) await sleep(chatAt - now);
    await prior;
    // The chat's messages before this one may have waited for the bot's slot after their own:
    // its allowance counts from when they really went, checked again once the bot's slot came.
    for (;;) {
      const t = Date.now();
      const at = chatSlot(sentAt.get(chatId), t);
      if (at > t) {
        await sleep(at - t);
        continue;
      }
      await new Promise<void>((go) => {
        this.waiting.push({ since: Date.now(), go });
        this.grant();
      });
      if (chatSlot(sentAt.get(chatId), Date.now()) <= Date.now()) break;
    }
    const sentBefore = sentAt.get(chatId);
    const sentTat = nextTat(sentBefore, Date.now());
    sentAt.set(chatId, sentTat);
    return {
      giveBack: () => {
        if (sentAt.get(chatId) === sentTat) {
          if (sentBefore === undefined) sentAt.delete(chatId);
          else sentAt.set(chatId, sentBefore);
        }
        if (perChat.get(chatId) !== tat) return;
        if (before === undefined) perChat.delete(chatId);
        else perChat.set(chatId, before);
      },
      end: () => {
        ended();
        if (sending.get(chatId) === end) sending.delete(chatId);
      },
    };
  }

  /** Gives the first waiter the bot's slot once it is free, and sets a timer for the next. */
  private grant(): void {
    if (this.timer || this.waiting.length === 0) return;
    const now = Date.now();
    const free = this.lastAt + OVERALL_MS;
    if (free > now) {
      // Not unref'd: it runs only while a send waits for it, and a stopping server finishes those.
      this.timer = setTimeout(() => {
        this.timer = null;
        this.grant();
      }, free - now);
      return;
    }
    const first = this.waiting.shift()!;
    // The slot was free from `free` (or from when the first asked, if later): a timer firing a
    // little late does not push every later slot back, or a loaded machine would send well under
    // 30 a second and a backlog would grow without end. One firing much later (a stalled event
    // loop) makes up one slot at most, never a burst of all it missed.
    this.lastAt = Math.max(free, first.since, now - OVERALL_MS);
    first.go();
    this.grant();
  }
}

/**
 * One pacing per bot token in the process, whoever sends with it (every platform instance of
 * the process, every claim of the outbox): two senders each keeping 30/s would make 60.
 */
const pacings = new Map<string, TelegramPacing>();
export const pacingOf = (token: string): TelegramPacing => {
  let p = pacings.get(token);
  if (!p) pacings.set(token, (p = new TelegramPacing()));
  return p;
};
