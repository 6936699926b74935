import type { Migration } from "../migration";

const TABLES = ["telegram_link_tokens", "ticket_chats", "push_subscriptions", "customer_chats"];

/**
 * A Telegram chat or browser that follows tickets may be written to in Uzbek Cyrillic, as the
 * ticket's page was shown in it.
 */
export const platformUzbekCyrillicLanguage: Migration = {
  version: 10,
  name: "uzbek-cyrillic-language",
  statements: (s) =>
    TABLES.flatMap((table) => [
      `alter table ${s}.${table} drop constraint if exists ${table}_language_check`,
      `alter table ${s}.${table} add constraint ${table}_language_check
        check (language in ('uz','uz-Cyrl','ru','en'))`,
    ]),
};
