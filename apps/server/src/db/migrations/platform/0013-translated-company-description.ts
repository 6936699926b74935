import type { Migration } from "../migration";

/**
 * A company's description is written in Uzbek, Russian and English like its branches' and
 * services' texts (`{ uz, ru, en }`), so the Russian and English directory reads it in its own
 * language. The one text a company had is kept under its default language.
 */
export const platformTranslatedCompanyDescription: Migration = {
  version: 13,
  name: "translated-company-description",
  statements: (s) => [
    `alter table ${s}.companies alter column description type jsonb using
      case when nullif(btrim(description), '') is null then null
        else jsonb_build_object(
          case default_language when 'ru' then 'ru' when 'en' then 'en' else 'uz' end,
          description)
      end`,
  ],
};
