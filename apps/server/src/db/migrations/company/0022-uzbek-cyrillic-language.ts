import type { Migration } from "../migration";

/**
 * A ticket's language may be Uzbek Cyrillic: a customer who took it on a screen in Cyrillic gets
 * their SMS and Telegram messages in Cyrillic.
 */
export const companyUzbekCyrillicLanguage: Migration = {
  version: 22,
  name: "uzbek-cyrillic-language",
  statements: (s) => [
    `alter table ${s}.tickets drop constraint if exists tickets_language_check`,
    `alter table ${s}.tickets add constraint tickets_language_check
      check (language in ('uz','uz-Cyrl','ru','en'))`,
  ],
};
