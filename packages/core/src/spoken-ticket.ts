import { QUEUE_ERROR_CODE, QueueError, assertNever } from "./errors";
import { parseTicketNumber } from "./numbering";
import { SPEECH_LANG, numberToWords, uzbekOrdinal, type SpeechLang } from "./number-words";

// Letter names as a speaker of each language reads a Latin capital on a sign.
const UZ_LETTERS: Readonly<Record<string, string>> = {
  A: "a",
  B: "be",
  C: "se",
  D: "de",
  E: "e",
  F: "ef",
  G: "ge",
  H: "ha",
  I: "i",
  J: "je",
  K: "ka",
  L: "el",
  M: "em",
  N: "en",
  O: "o",
  P: "pe",
  Q: "qa",
  R: "er",
  S: "es",
  T: "te",
  U: "u",
  V: "ve",
  W: "dubl-ve",
  X: "xa",
  Y: "ye",
  Z: "ze",
};
const RU_LETTERS: Readonly<Record<string, string>> = {
  A: "а",
  B: "бэ",
  C: "цэ",
  D: "дэ",
  E: "е",
  F: "эф",
  G: "гэ",
  H: "аш",
  I: "и",
  J: "жи",
  K: "ка",
  L: "эль",
  M: "эм",
  N: "эн",
  O: "о",
  P: "пэ",
  Q: "ку",
  R: "эр",
  S: "эс",
  T: "тэ",
  U: "у",
  V: "вэ",
  W: "дабл-ю",
  X: "икс",
  Y: "игрек",
  Z: "зэт",
};

function letterNames(series: string, lang: SpeechLang): string {
  const table = lang === SPEECH_LANG.UZ ? UZ_LETTERS : RU_LETTERS;
  return [...series].map((letter) => table[letter] ?? letter).join(" ");
}

/** How a person reads a ticket number aloud: "K-012" → "ka o'n ikki" / "ка двенадцать". */
export function spokenTicketNumber(label: string, lang: SpeechLang): string {
  const parsed = parseTicketNumber(label);
  if (!parsed) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_TICKET_NUMBER,
      `"${label}" is not a ticket number like K-012.`,
    );
  }
  return `${letterNames(parsed.series, lang)} ${numberToWords(parsed.n, lang)}`;
}

/** The counter as a label: 3 → "uchinchi oyna" / "окно три" (the announcement declines it). */
export function spokenCounter(counter: number, lang: SpeechLang): string {
  if (!Number.isSafeInteger(counter) || counter < 1) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      `Counter ${counter} is not a window number.`,
    );
  }
  switch (lang) {
    case SPEECH_LANG.UZ:
      return `${uzbekOrdinal(counter)} oyna`;
    case SPEECH_LANG.RU:
      return `окно ${numberToWords(counter, lang)}`;
    default:
      return assertNever(lang);
  }
}

/**
 * The whole board announcement for speech synthesis, as halls say it: the counter in the dative
 * in Uzbek ("ka o'n ikki, uchinchi oynaga"), and in Russian the word "талон" first so a voice does
 * not take a letter (а, о, и, у) for a conjunction ("талон ка двенадцать, пройдите к окну три").
 */
export function spokenCall(label: string, counter: number, lang: SpeechLang): string {
  const ticket = spokenTicketNumber(label, lang);
  const place = spokenCounter(counter, lang);
  switch (lang) {
    case SPEECH_LANG.UZ:
      return `${ticket}, ${place}ga`;
    case SPEECH_LANG.RU:
      return `талон ${ticket}, пройдите к окну ${numberToWords(counter, lang)}`;
    default:
      return assertNever(lang);
  }
}

/** What a device says a speech voice is: its BCP 47 tag (`uz-UZ`, `ru_RU`). */
export type VoiceLike = { readonly lang: string };

// The voice to use for each announcement language, in order of preference. Only a voice of the
// language itself: a Turkish voice reads Uzbek spelling wrongly (ch, sh, q, x), so where the device
// has no Uzbek voice the Russian phrase is said by a Russian voice, or the chime and screen suffice.
const VOICE_PLAN: Readonly<Record<SpeechLang, readonly SpeechLang[]>> = {
  uz: [SPEECH_LANG.UZ, SPEECH_LANG.RU],
  ru: [SPEECH_LANG.RU, SPEECH_LANG.UZ],
};

/**
 * Picks the voice for an announcement in `lang` among a device's voices, with the language the
 * phrase must then be built in (it may differ from `lang`), or null when no voice fits.
 */
export function pickAnnouncementVoice<V extends VoiceLike>(
  voices: readonly V[],
  lang: SpeechLang,
): { voice: V; lang: SpeechLang } | null {
  for (const wanted of VOICE_PLAN[lang]) {
    const voice = voices.find((v) => {
      const tag = v.lang.toLowerCase().replace("_", "-");
      return tag === wanted || tag.startsWith(`${wanted}-`);
    });
    if (voice) return { voice, lang: wanted };
  }
  return null;
}
