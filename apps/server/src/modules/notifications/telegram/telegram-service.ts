import type { Language as TextLanguage } from "@equeue/contracts";
import { latinToCyrillic } from "@equeue/core";
import type { FastifyBaseLogger } from "fastify";
import { Bot, BotError, GrammyError } from "grammy";
import { setTimeout as sleep } from "node:timers/promises";
import type { Update } from "grammy/types";
import type { Db } from "../../../db/database";
import { AppError } from "../../../shared/app-error";
import { isDatabaseUnavailable } from "../../../shared/db-errors";
import { NotStartedError, RetryAfterError, type SendPriority, type Transport } from "../../outbox";
import { chatLanguage, linkChatToPhone, ownPhone } from "./telegram-contacts";
import { pacingOf, type TelegramPacing } from "./telegram-pacing";
import { redeemLinkToken, type Language } from "./telegram-links";

export type TelegramConfig = {
  token: string;
  /** The Bot API's address (a fake in tests); Telegram's own by default. */
  apiUrl?: string | undefined;
  /** The bot's @username; asked of the API (getMe) when not given. */
  username?: string | undefined;
  /**
   * Updates by webhook instead of long polling: Telegram posts them to `url` with `secret` in
   * the X-Telegram-Bot-Api-Secret-Token header, to whichever server process the load balancer
   * picks (`telegram-webhook.routes.ts`).
   */
  webhook?: { url: string; secret: string } | undefined;
  /** How long to wait before polling again, or registering the webhook again, after a failure. */
  retryMs?: number;
};

/** Polling stopped (another process polls, the API is away) or the webhook not registered. */
const RETRY_MS = 30_000;

/** Texts in uz, ru and en, and in Uzbek Cyrillic made from the Uzbek. */
const withCyrillic = (t: Record<TextLanguage, string>): Record<Language, string> => ({
  ...t,
  "uz-Cyrl": latinToCyrillic(t.uz),
});

const LINKED: Record<Language, string> = withCyrillic({
  uz: "Navbatingizni kuzatyapmiz: chaqirilganingizda shu yerga xabar yuboramiz.",
  ru: "Следим за вашим талоном: сообщим сюда, когда вас вызовут.",
  en: "Following your ticket: we will message you here when you are called.",
});
/** The button that shares the user's own number (Telegram sends it as a `contact`). */
const SHARE_TEXTS: Record<TextLanguage, { ask: string; button: string }> = {
  uz: {
    ask: "Telefon raqamingizni ulashsangiz, shu raqam bilan olingan barcha talonlar haqida ham shu yerga yozamiz.",
    button: "📱 Raqamimni ulashish",
  },
  ru: {
    ask: "Поделитесь номером — и мы будем писать сюда обо всех талонах, взятых на этот номер.",
    button: "📱 Поделиться номером",
  },
  en: {
    ask: "Share your phone number and we will message you here about every ticket taken with it.",
    button: "📱 Share my number",
  },
};
const SHARE: Record<Language, { ask: string; button: string }> = {
  ...SHARE_TEXTS,
  "uz-Cyrl": {
    ask: latinToCyrillic(SHARE_TEXTS.uz.ask),
    button: latinToCyrillic(SHARE_TEXTS.uz.button),
  },
};
const VERIFIED: Record<Language, string> = withCyrillic({
  uz: "Raqamingiz tasdiqlandi: shu raqamdagi talonlar haqida shu yerga yozamiz.",
  ru: "Номер подтверждён: сообщим сюда о талонах на этот номер.",
  en: "Number verified: we will message you here about tickets taken with it.",
});
const NOT_YOURS: Record<Language, string> = withCyrillic({
  uz: "Faqat oʻzingizning raqamingizni tugma orqali ulashing.",
  ru: "Поделитесь своим номером кнопкой ниже — чужой контакт не подойдёт.",
  en: "Please share your own number with the button; someone else's contact will not do.",
});
const STALE =
  "Bu havola eskirgan. Talon sahifasida yangisini oling. / Ссылка устарела. / This link has expired.";

/** How long a stopping server waits for the bot's replies on their way. */
const REPLIES_AT_STOP_MS = 5_000;

/** How long one sendMessage may take. */
const SEND_TIMEOUT_MS = 15_000;

/** grammY types its signal with the abort-controller polyfill's class. */
type SendSignal = Parameters<Bot["api"]["sendMessage"]>[3];
const sendTimeout = () => AbortSignal.timeout(SEND_TIMEOUT_MS) as unknown as SendSignal;

/**
 * The Telegram bot (grammY): it links chats to tickets when a customer opens the ticket's deep
 * link (`/start <one-time token>`), and is the outbox's `telegram` transport. Updates come by
 * long polling, so the platform needs no public address for them, or by webhook where one is
 * configured (several server processes).
 */
export class TelegramService {
  readonly bot: Bot;
  private username: string | null;
  private running = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly pacing: TelegramPacing;
  /** Replies on their way: a stopping server lets them finish (a while at most). */
  private readonly answering = new Set<Promise<void>>();

  constructor(
    private readonly cfg: TelegramConfig,
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {
    this.pacing = pacingOf(cfg.token);
    this.bot = new Bot(cfg.token, cfg.apiUrl ? { client: { apiRoot: cfg.apiUrl } } : {});
    this.username = cfg.username?.replace(/^@/, "") ?? null;
    this.bot.command("start", async (ctx) => {
      const chatId = String(ctx.chat.id);
      const linked = await redeemLinkToken(this.db, ctx.match.trim(), chatId);
      if (!linked) return this.answer(chatId, (signal) => ctx.reply(STALE, {}, signal));
      const share = SHARE[linked.language];
      this.answer(chatId, (signal) =>
        ctx.reply(
          `${LINKED[linked.language]}\n\n${share.ask}`,
          {
            reply_markup: {
              keyboard: [[{ text: share.button, request_contact: true }]],
              one_time_keyboard: true,
              resize_keyboard: true,
            },
          },
          signal,
        ),
      );
    });
    // The user shared a contact: their own proves the phone and links this chat to its account.
    this.bot.on("message:contact", async (ctx) => {
      const chatId = String(ctx.chat.id);
      const language = await chatLanguage(this.db, chatId);
      const phone = ownPhone(ctx.message.contact, ctx.from.id);
      if (!phone)
        return this.answer(chatId, (signal) => ctx.reply(NOT_YOURS[language], {}, signal));
      await linkChatToPhone(this.db, chatId, phone, language);
      this.answer(chatId, (signal) =>
        ctx.reply(VERIFIED[language], { reply_markup: { remove_keyboard: true } }, signal),
      );
    });
    this.bot.catch((err) => this.log.warn({ err: err.error }, "telegram update failed"));
  }

  /**
   * Sends to a chat within Telegram's limits, shared by the outbox's messages and the bot's
   * replies (a reply right after "you are linked"'s notification counts like any message). A
   * refused send does not count against the chat.
   */
  private async paced<T>(
    chatId: string,
    send: () => Promise<T>,
    priority: SendPriority = "urgent",
    startBy?: number,
  ): Promise<T> {
    const slot = await this.pacing.pace(chatId, priority);
    try {
      // Waited past the outbox claim's start-by (the chat's send before it hung, say): not now.
      if (startBy !== undefined && Date.now() > startBy) {
        throw new NotStartedError("The chat's turn came too late for this claim.");
      }
      return await send();
    } catch (err) {
      slot.giveBack();
      throw err;
    } finally {
      slot.end();
    }
  }

  /**
   * Answers a chat when its allowance comes, without holding up the updates of other chats
   * (long polling handles one update after another): a failed answer is logged, as a failed
   * update was. Bounded like an outbox send, so a stalled one never holds the chat's messages.
   */
  private answer(chatId: string, reply: (signal: SendSignal) => Promise<unknown>): void {
    const answering: Promise<void> = this.paced(chatId, () => reply(sendTimeout())).then(
      () => {},
      (err: unknown) => this.log.warn({ err, chatId }, "telegram reply failed"),
    );
    this.answering.add(answering);
    void answering.finally(() => this.answering.delete(answering));
  }

  /** The bot's @username, for t.me links. */
  async botUsername(): Promise<string> {
    if (!this.username) this.username = (await this.bot.api.getMe()).username;
    return this.username;
  }

  /**
   * Starts taking updates in the background: registers the webhook, or long-polls. Telegram lets
   * one client poll a bot at a time (a second one gets 409 Conflict); a process that lost, or
   * whose poll failed, tries again every `retryMs`, so when the polling process stops another
   * takes over. Several processes should use the webhook instead: every one of them answers it.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.cfg.webhook) void this.registerWebhook(this.cfg.webhook);
    else void this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    // Stopping confirms the last update with Telegram; unreachable, it must not fail the shutdown.
    if (this.bot.isRunning()) {
      await this.bot.stop().catch((err: unknown) => this.log.warn({ err }, "telegram stop failed"));
    }
    // A customer who just pressed Start still gets "you are linked", unless Telegram stalls.
    if (this.answering.size > 0) {
      await Promise.race([
        Promise.all(this.answering),
        sleep(REPLIES_AT_STOP_MS, undefined, { ref: false }),
      ]);
    }
  }

  /** Whether updates come by webhook here, and the secret Telegram sends with each. */
  get webhookSecret(): string | null {
    return this.cfg.webhook?.secret ?? null;
  }

  /**
   * One update Telegram posted to the webhook. Resolves once it is handled; rejects when it
   * could not be (the database away): Telegram then posts it again later. A handler's other
   * failures are logged and the update is not asked for again — a broken update must not come
   * back forever.
   */
  async handleWebhookUpdate(update: Update): Promise<void> {
    if (!this.bot.isInited()) {
      // The bot's own details (getMe) come first; Telegram unreachable, it posts again later.
      // One try (grammY's own init retries until Telegram answers), bounded like a send.
      const signal = AbortSignal.timeout(SEND_TIMEOUT_MS) as unknown as Parameters<
        typeof this.bot.api.getMe
      >[0];
      this.bot.botInfo = await this.bot.api.getMe(signal).catch((err: unknown) => {
        this.log.warn({ err }, "telegram getMe failed");
        throw new AppError("NOT_READY", "Telegram cannot be reached right now; try again later.");
      });
    }
    try {
      await this.bot.handleUpdate(update);
    } catch (err) {
      const cause = err instanceof BotError ? err.error : err;
      if (isDatabaseUnavailable(cause)) throw cause;
      this.log.warn({ err: cause, update: update.update_id }, "telegram update failed");
    }
  }

  private later(what: () => Promise<void>): void {
    if (!this.running) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void what();
    }, this.cfg.retryMs ?? RETRY_MS);
    this.retry.unref();
  }

  private async poll(): Promise<void> {
    try {
      await this.bot.start({ drop_pending_updates: false, allowed_updates: ["message"] });
    } catch (err) {
      if (!this.running) return;
      const conflict = err instanceof GrammyError && err.error_code === 409;
      if (conflict) this.log.info("another process polls the Telegram bot; this one stands by");
      else this.log.error({ err }, "telegram polling stopped; trying again later");
      this.later(() => this.poll());
    }
  }

  private async registerWebhook(webhook: { url: string; secret: string }): Promise<void> {
    try {
      await this.bot.api.setWebhook(webhook.url, {
        secret_token: webhook.secret,
        allowed_updates: ["message"],
      });
      this.log.info({ url: webhook.url }, "telegram webhook registered");
    } catch (err) {
      this.log.error(
        { err, url: webhook.url },
        "telegram webhook not registered; trying again later",
      );
      this.later(() => this.registerWebhook(webhook));
    }
  }

  transport(): Transport {
    return {
      channel: "telegram",
      retry: { maxAttempts: 6, baseSeconds: 5, maxSeconds: 600 },
      // Sends side by side; the pacing keeps them to Telegram's limits.
      concurrency: 8,
      readyIn: (chatId, now, priority) => this.pacing.readyIn(chatId, now, priority),
      send: async (m) => {
        try {
          const sent = await this.paced(
            m.to,
            () =>
              this.bot.api.sendMessage(
                m.to,
                m.text,
                { link_preview_options: { is_disabled: true } },
                // Ends well within the outbox's claim on the message.
                sendTimeout(),
              ),
            m.priority,
            m.startBy,
          );
          return { providerId: String(sent.message_id) };
        } catch (err) {
          if (err instanceof GrammyError && err.error_code === 429) {
            throw new RetryAfterError(err.description, err.parameters.retry_after ?? 5);
          }
          throw err;
        }
      },
      close: () => {},
    };
  }
}
