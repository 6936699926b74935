import { QUEUE_ERROR_CODE, QueueError } from "./errors";

/** Languages the display board speaks. */
export const SPEECH_LANG = { UZ: "uz", RU: "ru" } as const;
export type SpeechLang = (typeof SPEECH_LANG)[keyof typeof SPEECH_LANG];

const UZ_ONES = [
  "nol",
  "bir",
  "ikki",
  "uch",
  "to'rt",
  "besh",
  "olti",
  "yetti",
  "sakkiz",
  "to'qqiz",
];
const UZ_TENS = [
  "",
  "o'n",
  "yigirma",
  "o'ttiz",
  "qirq",
  "ellik",
  "oltmish",
  "yetmish",
  "sakson",
  "to'qson",
];

const RU_ONES = [
  "ноль",
  "один",
  "два",
  "три",
  "четыре",
  "пять",
  "шесть",
  "семь",
  "восемь",
  "девять",
];
const RU_TEENS = [
  "десять",
  "одиннадцать",
  "двенадцать",
  "тринадцать",
  "четырнадцать",
  "пятнадцать",
  "шестнадцать",
  "семнадцать",
  "восемнадцать",
  "девятнадцать",
];
const RU_TENS = [
  "",
  "",
  "двадцать",
  "тридцать",
  "сорок",
  "пятьдесят",
  "шестьдесят",
  "семьдесят",
  "восемьдесят",
  "девяносто",
];
const RU_HUNDREDS = [
  "",
  "сто",
  "двести",
  "триста",
  "четыреста",
  "пятьсот",
  "шестьсот",
  "семьсот",
  "восемьсот",
  "девятьсот",
];

const MAX_SPOKEN = 999_999;

function at(list: readonly string[], index: number): string {
  return list[index] ?? "";
}

function join(...words: string[]): string {
  return words.filter((w) => w !== "").join(" ");
}

function uzBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  const hundredWord = hundreds === 0 ? "" : hundreds === 1 ? "yuz" : `${at(UZ_ONES, hundreds)} yuz`;
  return join(hundredWord, at(UZ_TENS, tens), ones === 0 ? "" : at(UZ_ONES, ones));
}

function ruBelowThousand(n: number, feminine: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tens = Math.floor(rest / 10);
  const ones = rest % 10;
  let tail: string;
  if (rest >= 10 && rest < 20) tail = at(RU_TEENS, rest - 10);
  else {
    let one = ones === 0 ? "" : at(RU_ONES, ones);
    if (feminine && ones === 1) one = "одна";
    if (feminine && ones === 2) one = "две";
    tail = join(at(RU_TENS, tens), one);
  }
  return join(at(RU_HUNDREDS, hundreds), tail);
}

function ruThousandWord(thousands: number): string {
  const lastTwo = thousands % 100;
  const last = thousands % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return "тысяч";
  if (last === 1) return "тысяча";
  if (last >= 2 && last <= 4) return "тысячи";
  return "тысяч";
}

/** A whole number 0…999 999 in words, as a person says it ("o'n ikki", "двенадцать"). */
export function numberToWords(n: number, lang: SpeechLang): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_SPOKEN) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, `Cannot say ${n} in words.`);
  }
  if (n === 0) return lang === SPEECH_LANG.UZ ? at(UZ_ONES, 0) : at(RU_ONES, 0);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (lang === SPEECH_LANG.UZ) {
    const thousandWord =
      thousands === 0 ? "" : thousands === 1 ? "ming" : `${uzBelowThousand(thousands)} ming`;
    return join(thousandWord, uzBelowThousand(rest));
  }
  const thousandWord =
    thousands === 0
      ? ""
      : thousands === 1
        ? "тысяча"
        : join(ruBelowThousand(thousands, true), ruThousandWord(thousands));
  return join(thousandWord, ruBelowThousand(rest, false));
}

/** An Uzbek ordinal ("uchinchi", "o'n ikkinchi"): the cardinal plus -inchi / -nchi after a vowel. */
export function uzbekOrdinal(n: number): string {
  const words = numberToWords(n, SPEECH_LANG.UZ);
  return /[aeiou]$/.test(words) ? `${words}nchi` : `${words}inchi`;
}
