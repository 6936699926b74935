import {
  latinToCyrillic,
  NOTIFICATION_TRIGGERS,
  renderTemplate,
  smsSegments,
  type CancelReason,
  type NotificationTrigger,
  type TemplateValues,
} from "@equeue/core";

/** What happened to a ticket that its customer is told about. */
export type Trigger = NotificationTrigger;
export { NOTIFICATION_TRIGGERS, smsSegments };

export type Language = "uz" | "ru" | "en";
export const LANGUAGES: readonly Language[] = ["uz", "ru", "en"];

/** A company's own texts: per trigger, per language; a missing or empty one is the default. */
export type CustomTemplates = Partial<Record<Trigger, Partial<Record<Language, string>>>>;

// Uzbek in Latin with ʻ (U+02BB) and ʼ (U+02BC); the SMS channel folds them into ' for GSM-7.
export const DEFAULT_TEMPLATES: Record<Trigger, Record<Language, string>> = {
  TAKEN: {
    uz: "Navbatingiz {number} ({service}, {branch}). Kuzatish: {link}",
    ru: "Ваш талон {number} ({service}, {branch}). Следить: {link}",
    en: "Your ticket {number} ({service}, {branch}). Follow it: {link}",
  },
  CALLED: {
    uz: "{number}: navbatingiz keldi, {counter}-oynaga oʻting.",
    ru: "{number}: ваша очередь, пройдите к окну {counter}.",
    en: "{number}: it is your turn, go to counter {counter}.",
  },
  NEARLY_UP: {
    uz: "{number}: navbatingiz yaqinlashdi ({position}-oʻrin). Qaytib keling. {link}",
    ru: "{number}: ваша очередь скоро (вы {position}-й). Возвращайтесь. {link}",
    en: "{number}: you are nearly up (number {position} in line). Please come back. {link}",
  },
  TRANSFERRED: {
    uz: 'Navbatingiz {number} raqami bilan "{service}" xizmatiga oʻtkazildi. {link}',
    ru: "Вас перевели на услугу «{service}», новый талон {number}. {link}",
    en: 'You were transferred to "{service}", new ticket {number}. {link}',
  },
  CANCELLED_BY_COMPANY: {
    uz: "{number}: navbatingiz {branch} tomonidan bekor qilindi.",
    ru: "{number}: ваш талон отменён ({branch}).",
    en: "{number}: your ticket was cancelled by {branch}.",
  },
  NO_SHOW: {
    uz: "{number}: sizni chaqirdik, lekin kelmadingiz. Talon yopildi.",
    ru: "{number}: вас вызывали, но вы не подошли. Талон закрыт.",
    en: "{number}: you were called but did not come. The ticket is closed.",
  },
  BOOKING_CONFIRMED: {
    uz: "Yozildingiz: {time}, {service}, {branch}. Raqam {number}. {link}",
    ru: "Вы записаны: {time}, {service}, {branch}. Номер {number}. {link}",
    en: "Booked: {time}, {service}, {branch}. Number {number}. {link}",
  },
  BOOKING_RESCHEDULED: {
    uz: "Yozuvingiz koʻchirildi: {time}, {branch}. Raqam {number}. {link}",
    ru: "Запись перенесена: {time}, {branch}. Номер {number}. {link}",
    en: "Booking moved: {time}, {branch}. Number {number}. {link}",
  },
  BOOKING_CANCELLED: {
    uz: "{number}: {time}dagi yozuvingiz bekor qilindi ({branch}).",
    ru: "{number}: запись на {time} отменена ({branch}).",
    en: "{number}: your booking for {time} was cancelled ({branch}).",
  },
  REMINDER: {
    uz: "Eslatma: {time}, {service}, {branch}. Raqam {number}. {link}",
    ru: "Напоминание: {time}, {service}, {branch}. Номер {number}. {link}",
    en: "Reminder: {time}, {service}, {branch}. Number {number}. {link}",
  },
  RATING_REQUEST: {
    uz: "{number}: rahmat! Xizmatni baholang: {link}",
    ru: "{number}: спасибо! Оцените обслуживание: {link}",
    en: "{number}: thank you! Please rate the service: {link}",
  },
};

/** What a text may mention; each template uses the parts it needs. */
export type TextParts = {
  label: string;
  service: string;
  branch: string;
  link: string;
  counter: number | null;
  position: number | null;
  /** The appointment in the branch's time, as "30.11 14:30". */
  time: string | null;
  /** Staff's own words for this one event (closing a line early), added after the text. */
  message?: string | null;
  /** Why the company cancelled, said after the text when there are no staff words. */
  reason?: CancelReason | null;
};

/** The reason a company's cancellation gives when nobody wrote a message. */
const REASON_TEXTS: Record<CancelReason, Record<Language, string>> = {
  HOURS: {
    uz: "Filialning ish vaqti oʻzgardi: boshqa vaqtni tanlang.",
    ru: "Изменился график работы отделения: выберите другое время.",
    en: "The branch's hours changed: please choose another time.",
  },
  SERVICE: {
    uz: "Bu xizmat endi bu filialda koʻrsatilmaydi.",
    ru: "Эта услуга больше не оказывается в этом отделении.",
    en: "This service is no longer offered at this branch.",
  },
};

const asLanguage = (lang: string): Language =>
  (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : "uz";

/** The template a company uses for a trigger in a language: its own, or else the default. */
export function templateOf(trigger: Trigger, lang: string, custom?: CustomTemplates): string {
  const l = asLanguage(lang);
  const own = custom?.[trigger]?.[l]?.trim();
  return own ? own : DEFAULT_TEMPLATES[trigger][l];
}

export const valuesOf = (p: TextParts): TemplateValues => ({
  number: p.label,
  counter: p.counter,
  branch: p.branch,
  service: p.service,
  time: p.time,
  link: p.link,
  position: p.position,
});

/** The reason in a language, uz-Cyrl made from the Uzbek as the templates are. */
const reasonText = (reason: CancelReason, lang: string): string =>
  lang === "uz-Cyrl"
    ? latinToCyrillic(REASON_TEXTS[reason].uz)
    : REASON_TEXTS[reason][asLanguage(lang)];

/**
 * The text of a trigger in a language (uz when unknown; uz-Cyrl from the Uzbek), the company's
 * own or the default.
 */
export function notificationText(
  trigger: Trigger,
  lang: string,
  parts: TextParts,
  custom?: CustomTemplates,
): string {
  // Uzbek Cyrillic is made from the Uzbek template, the company's own or the default; the names
  // and the staff's words in it stay as they were entered.
  const template =
    lang === "uz-Cyrl"
      ? latinToCyrillic(templateOf(trigger, "uz", custom))
      : templateOf(trigger, lang, custom);
  const text = renderTemplate(template, valuesOf(parts));
  // Appended rather than a placeholder, so every company's own template carries it unchanged.
  const message = parts.message?.trim() || (parts.reason && reasonText(parts.reason, lang));
  return message ? `${text} ${message}` : text;
}
