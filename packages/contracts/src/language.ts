/** The languages of the product: Uzbek (Latin) first and default, Russian, English. */
export const LANGUAGES = ["uz", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text a company wrote in several languages; Uzbek is required. */
export type I18nText = { uz: string; ru?: string | undefined; en?: string | undefined };
