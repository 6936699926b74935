import { setTimeout as sleep } from "node:timers/promises";
import { PRIORITY_RANK, type SendPriority } from "../../outbox";

/**
 * Telegram asks for ≈ 1 message a second per chat and ≈ 30 a second in all, and allows short
 * bursts over the per-chat rate. A chat's messages keep to one a second on average with
 * `CHAT_BURST` allowed together — so "go to counter 3" right after "you are nearly up" goes at
 * once instead of a second late, and a third message in that second waits. The bot's slots are
 * 35 ms apart (28.6 a second), not 34: a send that wakes late goes closer to the next one, and at
 * 34 ms a loaded machine put 32 sends into one second. The bot's slots go to urgent messages
 * first, then normal ones, then bulk ones (rating requests, reminders), each in the order asked:
 * at a busy hour the messages of a tenth of the customers come near Telegram's 30 a second, and
 * the rating requests of those just served must not push "go to counter 3" back. None waits for
 * the bot's slot much over MAX_PRIORITY_WAIT_MS, whatever its priority.
 */
const PER_CHAT_MS = 1000;
const CHAT_BURST = 2;
const OVERALL_MS = 35;
/**
 * A message that has waited this long for the bot's slot goes next whatever its priority (the
 * longest waiting first): more urgent ones asking without pause must not hold a rating request
 * until its claim on the outbox row runs out and another claim sends it again.
 */
const MAX_PRIORITY_WAIT_MS = 2_000;

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
  /** Who waits for the bot's slot, since when, by priority rank (urgent first). */
  private readonly waiting: Waiter[][] = [[], [], []];
  /**
   * Per chat, how many of its messages of each rank are being paced or sent. A chat's message
   * waits for the one before it, so that one takes the best rank of those behind it: a call
   * does not wait for its own chat's rating request, left behind every other chat's calls.
   */
  private readonly inFlight = new Map<string, number[]>();
  private timer: NodeJS.Timeout | null = null;
  /** Per chat, when its last message's send ends: a chat's sends go one after another. */
  private readonly sending = new Map<string, Promise<void>>();

  /**
   * Milliseconds from `now` until a message of that priority to `chatId` could go (the outbox
   * hands back a long wait): the chat's allowance, and the bot's slots of those ahead of it.
   */
  readyIn(chatId: string, now: number, priority: SendPriority = "normal"): number {
    const rank = Math.min(PRIORITY_RANK[priority], this.chatRank(chatId));
    let ahead = 0;
    for (let r = 0; r <= rank; r++) ahead += this.waiting[r]!.length;
    return Math.max(
      0,
      chatSlot(this.perChat.get(chatId), now) - now,
      chatSlot(this.sentAt.get(chatId), now) - now,
      this.lastAt + OVERALL_MS - now + ahead * OVERALL_MS,
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
  async pace(
    chatId: string,
    priority: SendPriority = "normal",
  ): Promise<{ giveBack: () => void; end: () => void }> {
    const { perChat, sentAt, sending, inFlight } = this;
    const own = PRIORITY_RANK[priority];
    const counts = inFlight.get(chatId) ?? [0, 0, 0];
    counts[own]!++;
    inFlight.set(chatId, counts);
    this.promote(chatId);
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
        this.waiting[this.chatRank(chatId)]!.push({ since: Date.now(), go, chatId });
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
        counts[own]!--;
        if (counts.every((n) => n === 0) && inFlight.get(chatId) === counts) {
          inFlight.delete(chatId);
        }
      },
    };
  }

  /** The best rank among the chat's messages being paced or sent (bulk when none). */
  private chatRank(chatId: string): number {
    const counts = this.inFlight.get(chatId);
    const best = counts ? counts.findIndex((n) => n > 0) : -1;
    return best < 0 ? PRIORITY_RANK.bulk : best;
  }

  /**
   * Moves the chat's message waiting for the bot's slot (at most one: a chat's messages go one
   * after another) up to the chat's best rank, among those of that rank in the order asked.
   */
  private promote(chatId: string): void {
    const rank = this.chatRank(chatId);
    for (let r = rank + 1; r < this.waiting.length; r++) {
      const from = this.waiting[r]!;
      const i = from.findIndex((w) => w.chatId === chatId);
      if (i < 0) continue;
      const [w] = from.splice(i, 1);
      const to = this.waiting[rank]!;
      const at = to.findIndex((x) => x.since > w!.since);
      to.splice(at < 0 ? to.length : at, 0, w!);
    }
  }

  /**
   * The queue whose first waiter is next: the most urgent, unless one has waited
   * MAX_PRIORITY_WAIT_MS (then the longest waiting of those).
   */
  private next(now: number): Waiter[] {
    let aged: Waiter[] | undefined;
    for (const q of this.waiting) {
      const head = q[0];
      if (
        head &&
        now - head.since >= MAX_PRIORITY_WAIT_MS &&
        (!aged || head.since < aged[0]!.since)
      )
        aged = q;
    }
    return aged ?? this.waiting.find((q) => q.length > 0)!;
  }

  /** Gives the first waiter the bot's slot once it is free, and sets a timer for the next. */
  private grant(): void {
    if (this.timer || this.waiting.every((q) => q.length === 0)) return;
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
    const first = this.next(now).shift()!;
    // The slot was free from `free` (or from when the first asked, if later): a timer firing a
    // little late does not push every later slot back, or a loaded machine would send well under
    // 30 a second and a backlog would grow without end. One firing much later (a stalled event
    // loop) makes up one slot at most, never a burst of all it missed.
    this.lastAt = Math.max(free, first.since, now - OVERALL_MS);
    first.go();
    this.grant();
  }
}

type Waiter = { since: number; go: () => void; chatId: string };

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
