/** What happened to a ticket that its customer is told about. */
export type Trigger =
  | "TAKEN"
  | "CALLED"
  | "NEARLY_UP"
  | "TRANSFERRED"
  | "CANCELLED_BY_COMPANY"
  | "NO_SHOW"
  | "BOOKING_CONFIRMED"
  | "BOOKING_RESCHEDULED"
  | "BOOKING_CANCELLED";

export type Language = "uz" | "ru" | "en";

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
};

type Template = (p: TextParts) => string;

// Uzbek in Latin with ʻ (U+02BB) and ʼ (U+02BC); the SMS channel folds them into ' for GSM-7.
const TEMPLATES: Record<Trigger, Record<Language, Template>> = {
  TAKEN: {
    uz: (p) => `Navbatingiz ${p.label} (${p.service}, ${p.branch}). Kuzatish: ${p.link}`,
    ru: (p) => `Ваш талон ${p.label} (${p.service}, ${p.branch}). Следить: ${p.link}`,
    en: (p) => `Your ticket ${p.label} (${p.service}, ${p.branch}). Follow it: ${p.link}`,
  },
  CALLED: {
    uz: (p) => `${p.label}: navbatingiz keldi, ${p.counter ?? "?"}-oynaga oʻting.`,
    ru: (p) => `${p.label}: ваша очередь, пройдите к окну ${p.counter ?? "?"}.`,
    en: (p) => `${p.label}: it is your turn, go to counter ${p.counter ?? "?"}.`,
  },
  NEARLY_UP: {
    uz: (p) =>
      `${p.label}: navbatingiz yaqinlashdi (${p.position}-oʻrin). Qaytib keling. ${p.link}`,
    ru: (p) => `${p.label}: ваша очередь скоро (вы ${p.position}-й). Возвращайтесь. ${p.link}`,
    en: (p) =>
      `${p.label}: you are nearly up (number ${p.position} in line). Please come back. ${p.link}`,
  },
  TRANSFERRED: {
    uz: (p) => `Navbatingiz ${p.label} raqami bilan "${p.service}" xizmatiga oʻtkazildi. ${p.link}`,
    ru: (p) => `Вас перевели на услугу «${p.service}», новый талон ${p.label}. ${p.link}`,
    en: (p) => `You were transferred to "${p.service}", new ticket ${p.label}. ${p.link}`,
  },
  CANCELLED_BY_COMPANY: {
    uz: (p) => `${p.label}: navbatingiz ${p.branch} tomonidan bekor qilindi.`,
    ru: (p) => `${p.label}: ваш талон отменён (${p.branch}).`,
    en: (p) => `${p.label}: your ticket was cancelled by ${p.branch}.`,
  },
  NO_SHOW: {
    uz: (p) => `${p.label}: sizni chaqirdik, lekin kelmadingiz. Navbat yopildi.`,
    ru: (p) => `${p.label}: вас вызывали, но вы не подошли. Талон закрыт.`,
    en: (p) => `${p.label}: you were called but did not come. The ticket is closed.`,
  },
  BOOKING_CONFIRMED: {
    uz: (p) => `Yozildingiz: ${p.time}, ${p.service}, ${p.branch}. Raqam ${p.label}. ${p.link}`,
    ru: (p) => `Вы записаны: ${p.time}, ${p.service}, ${p.branch}. Номер ${p.label}. ${p.link}`,
    en: (p) => `Booked: ${p.time}, ${p.service}, ${p.branch}. Number ${p.label}. ${p.link}`,
  },
  BOOKING_RESCHEDULED: {
    uz: (p) => `Yozuvingiz koʻchirildi: ${p.time}, ${p.branch}. Raqam ${p.label}. ${p.link}`,
    ru: (p) => `Запись перенесена: ${p.time}, ${p.branch}. Номер ${p.label}. ${p.link}`,
    en: (p) => `Booking moved: ${p.time}, ${p.branch}. Number ${p.label}. ${p.link}`,
  },
  BOOKING_CANCELLED: {
    uz: (p) => `${p.label}: ${p.time} dagi yozuvingiz bekor qilindi (${p.branch}).`,
    ru: (p) => `${p.label}: запись на ${p.time} отменена (${p.branch}).`,
    en: (p) => `${p.label}: your booking for ${p.time} was cancelled (${p.branch}).`,
  },
};

/** The default text of a trigger in a language (uz when the language is unknown). */
export function notificationText(trigger: Trigger, lang: string, parts: TextParts): string {
  const byLang = TEMPLATES[trigger];
  return (byLang[lang as Language] ?? byLang.uz)(parts);
}

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

/** How many SMS segments a text takes: GSM-7 (160, or 153 each when split), else UCS-2 (70/67). */
export function smsSegments(text: string): { encoding: "GSM-7" | "UCS-2"; segments: number } {
  let septets = 0;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) septets += 1;
    else if (GSM_EXTENDED.includes(ch)) septets += 2;
    else {
      const units = text.length;
      return { encoding: "UCS-2", segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: "GSM-7", segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}
