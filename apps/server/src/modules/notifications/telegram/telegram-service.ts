import type { FastifyBaseLogger } from "fastify";
import { Bot, GrammyError } from "grammy";
import type { Db } from "../../../db/database";
import { RetryAfterError, type Transport } from "../../outbox";
import { redeemLinkToken, type Language } from "./telegram-links";

export type TelegramConfig = {
  token: string;
  /** The Bot API's address (a fake in tests); Telegram's own by default. */
  apiUrl?: string | undefined;
  /** The bot's @username; asked of the API (getMe) when not given. */
  username?: string | undefined;
};

const LINKED: Record<Language, string> = {
  uz: "Navbatingizni kuzatyapmiz: chaqirilganingizda shu yerga xabar yuboramiz.",
  ru: "Следим за вашим талоном: сообщим сюда, когда вас вызовут.",
  en: "Following your ticket: we will message you here when you are called.",
};
const STALE =
  "Bu havola eskirgan. Talon sahifasida yangisini oling. / Ссылка устарела. / This link has expired.";

/** Telegram asks for ≈ 1 message a second per chat and ≈ 30 a second in all. */
const PER_CHAT_MS = 1000;
const OVERALL_MS = 34;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The Telegram bot (grammY): it links chats to tickets when a customer opens the ticket's deep
 * link (`/start <one-time token>`), and is the outbox's `telegram` transport. Updates come by
 * long polling, so the platform needs no public address for them.
 */
export class TelegramService {
  readonly bot: Bot;
  private username: string | null;
  private polling = false;
  private lastAt = 0;
  private readonly lastPerChat = new Map<string, number>();

  constructor(
    cfg: TelegramConfig,
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {
    this.bot = new Bot(cfg.token, cfg.apiUrl ? { client: { apiRoot: cfg.apiUrl } } : {});
    this.username = cfg.username?.replace(/^@/, "") ?? null;
    this.bot.command("start", async (ctx) => {
      const linked = await redeemLinkToken(this.db, ctx.match.trim(), String(ctx.chat.id));
      await ctx.reply(linked ? LINKED[linked.language] : STALE);
    });
    this.bot.catch((err) => this.log.warn({ err: err.error }, "telegram update failed"));
  }

  /** The bot's @username, for t.me links. */
  async botUsername(): Promise<string> {
    if (!this.username) this.username = (await this.bot.api.getMe()).username;
    return this.username;
  }

  /** Starts long polling for updates (in the background). */
  start(): void {
    if (this.polling) return;
    this.polling = true;
    void this.bot
      .start({ drop_pending_updates: false, allowed_updates: ["message"] })
      .catch((err) => {
        this.polling = false;
        this.log.error({ err }, "telegram polling stopped");
      });
  }

  async stop(): Promise<void> {
    if (this.polling && this.bot.isRunning()) await this.bot.stop();
    this.polling = false;
  }

  /** Waits for the chat's and the bot's send spacing. */
  private async pace(chatId: string) {
    const now = Date.now();
    const wait = Math.max(
      0,
      (this.lastPerChat.get(chatId) ?? 0) + PER_CHAT_MS - now,
      this.lastAt + OVERALL_MS - now,
    );
    if (wait > 0) await sleep(wait);
    this.lastAt = Date.now();
    this.lastPerChat.set(chatId, this.lastAt);
    if (this.lastPerChat.size > 10_000) this.lastPerChat.clear();
  }

  transport(): Transport {
    return {
      channel: "telegram",
      retry: { maxAttempts: 6, baseSeconds: 5, maxSeconds: 600 },
      send: async (m) => {
        await this.pace(m.to);
        try {
          const sent = await this.bot.api.sendMessage(m.to, m.text, {
            link_preview_options: { is_disabled: true },
          });
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
