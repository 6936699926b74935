/**
 * Notification templates: text with placeholders such as {number} and {link}, filled per
 * ticket; and the SMS arithmetic (Uzbek apostrophes folded for GSM-7, segment count) that the
 * server records and the Company admin's live preview shows.
 */

import {
  NOTIFICATION_TRIGGERS,
  TEMPLATE_PLACEHOLDERS,
  type NotificationTrigger,
  type TemplatePlaceholder,
} from "@equeue/contracts";

// The triggers and placeholders are a contract with the admin panel's template editor.
export {
  NOTIFICATION_TRIGGERS,
  TEMPLATE_PLACEHOLDERS,
  type NotificationTrigger,
  type TemplatePlaceholder,
};
export type TemplateValues = Partial<Record<TemplatePlaceholder, string | number | null>>;

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

/** The placeholders of a text that are not known ({nmber}, {}), in order, each once. */
export function unknownPlaceholders(text: string): string[] {
  const bad = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(m[1]!)) bad.add(m[0]);
  }
  return [...bad];
}

/** The text with each known placeholder replaced by its value ("?" when the value is missing). */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const v = values[name as TemplatePlaceholder];
    return v === null || v === undefined || v === "" ? "?" : String(v);
  });
}

/**
 * Latin Uzbek apostrophes (ʻ ʼ ‘ ’ `) become ASCII ', so a text stays in GSM-7 (160 characters
 * a segment) instead of UCS-2 (70): "oʻ" and "gʻ" are in most Uzbek words.
 */
export function toGsmFriendly(text: string): string {
  return text.replace(/[\u02BB\u02BC\u2018\u2019`]/g, "'");
}

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

export type SmsSize = { encoding: "GSM-7" | "UCS-2"; segments: number; characters: number };

/**
 * How many SMS segments a text takes as it is sent: GSM-7 (160, or 153 each when split), else
 * UCS-2 (70/67). Fold it with `toGsmFriendly` first, as the SMS channel does.
 */
export function smsSegments(text: string): SmsSize {
  let septets = 0;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENDED.includes(ch)) septets += 2;
    else {
      const units = text.length;
      return {
        encoding: "UCS-2",
        segments: units <= 70 ? 1 : Math.ceil(units / 67),
        characters: units,
      };
    }
  }
  return {
    encoding: "GSM-7",
    segments: septets <= 160 ? 1 : Math.ceil(septets / 153),
    characters: septets,
  };
}
