import { CYRILLIC_OVERRIDES } from "./uz-cyrillic-overrides";

/**
 * Uzbek Latin → Uzbek Cyrillic for the app's own texts (the uz-Cyrl screen language is made
 * from the Uzbek Latin files at load time, so a key added in Latin is in Cyrillic at once) and
 * for the customer messages (SMS, Telegram) of people who chose Uzbek Cyrillic.
 *
 * Written here rather than taken from npm: the one Uzbek package there (`lotin-kirill`, 0.1.x,
 * one release, pulls in a URL linker) knows nothing of i18next placeholders or markup tags.
 *
 * Left as written: `{{placeholders}}` and `{placeholders}`, `$t(nesting)`, markup tags, URLs, e-mail addresses,
 * paths, ticket labels (O-001) and letters (K), percentiles (p90), abbreviations in capitals (SMS, QR), foreign
 * words (letters Uzbek does not use: Excel, cookie) and the product's name.
 * Words the letter rules get wrong (loanwords with ц/ь, "obyekt") are in `uz-cyrillic-overrides`.
 */
export function latinToCyrillic(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    out += transliterateFree(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + transliterateFree(text.slice(last));
}

/** Converts every string in a tree of texts (a locale file's shape), keys unchanged. */
export function treeToCyrillic<T>(tree: T): T {
  if (typeof tree === "string") return latinToCyrillic(tree) as T;
  if (tree === null || typeof tree !== "object") return tree;
  return Object.fromEntries(
    Object.entries(tree as Record<string, unknown>).map(([key, value]) => [
      key,
      treeToCyrillic(value),
    ]),
  ) as T;
}

/** A locale file in Uzbek Cyrillic, from its Latin one; each language's own name stays as is. */
export function uzCyrlOf<T extends object>(texts: T): T {
  const { languages, ...rest } = texts as { languages?: unknown };
  return { ...treeToCyrillic(rest), ...(languages !== undefined && { languages }) } as T;
}

const PROTECTED = new RegExp(
  [
    String.raw`E-Queue`, // the product's name
    String.raw`\{\{[^}]*\}\}`, // i18next placeholder
    String.raw`\{[a-z]+\}`, // a notification template's placeholder: {number}
    String.raw`\$t\([^)]*\)`, // i18next nesting
    String.raw`<[^<>]+>`, // markup tag (Trans components)
    String.raw`\b(?:https?://|www\.)[^\s<>"«»]+`, // URL
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, // e-mail address
    String.raw`(?:…|\.{1,2})?/[^\s«»"]+`, // a path: …/k/{{slug}}
    String.raw`\b[A-Z]{1,3}-\d+\b`, // ticket label: O-001, K-12
    String.raw`\bp\d{2}\b`, // a percentile: p50, p90
    // Capitals standing alone: abbreviations (SMS, QR, XLSX) and ticket letters (K, KR); not
    // the pronoun "U", nor the capitals of "OʻZBEKCHA". (So a short Uzbek word in capitals stays
    // Latin: the texts write capitals only in abbreviations.)
    String.raw`(?<![\wʻʼ‘’'\`])(?:[A-Z]{2,5}\d*|[A-TV-Z])(?![\wʻʼ‘’'\`])`,
  ].join("|"),
  "g",
);

// Apostrophes Uzbek texts use: ʻ (U+02BB) for oʻ/gʻ, ʼ (U+02BC) for the tutuq belgisi, and the
// typographic ‘ ’ and ASCII ' ` people type for either.
const APOSTROPHES = "ʻʼ‘’'`";
const WORD = new RegExp(
  `[A-Za-z](?:[A-Za-z]|[${APOSTROPHES}](?=[A-Za-z])|(?<=[oOgG])[${APOSTROPHES}])*`,
  "g",
);

function transliterateFree(text: string): string {
  return text.replace(WORD, transliterateWord);
}

const LETTERS: Record<string, string> = {
  a: "а",
  b: "б",
  d: "д",
  e: "е",
  f: "ф",
  g: "г",
  h: "ҳ",
  i: "и",
  j: "ж",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  q: "қ",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  v: "в",
  x: "х",
  y: "й",
  z: "з",
};
const VOWELS = new Set("aeiouаеиоуэюяёў");
const isApostrophe = (ch: string | undefined) => ch !== undefined && APOSTROPHES.includes(ch);

// Letters Uzbek Latin does not use (c outside "ch", w): a foreign word (Excel, cookie), kept.
const FOREIGN = /c(?!h)|w/i;

function transliterateWord(word: string): string {
  const override = CYRILLIC_OVERRIDES.get(normalizeApostrophes(word.toLowerCase()));
  if (override !== undefined) return withCaseOf(word, override);
  if (FOREIGN.test(word)) return word;
  const lower = word.toLowerCase();
  let out = "";
  for (let i = 0; i < lower.length;) {
    const [cyr, used] = letterAt(lower, i);
    out += matchCase(word.slice(i, i + used), cyr, word);
    i += used;
  }
  return out;
}

/** The Cyrillic for the Latin letter(s) at `i` and how many Latin characters they took. */
function letterAt(w: string, i: number): [string, number] {
  const ch = w[i]!;
  const next = w[i + 1];
  const prev = i > 0 ? w[i - 1] : undefined;
  const atStart = i === 0;
  if ((ch === "o" || ch === "g") && isApostrophe(next)) return [ch === "o" ? "ў" : "ғ", 2];
  if (isApostrophe(ch)) return ["ъ", 1]; // tutuq belgisi between letters
  if (ch === "s" && next === "h") return ["ш", 2];
  if (ch === "c" && next === "h") return ["ч", 2];
  if (ch === "y" && next !== undefined) {
    // "yoʻl" is й + ў, not ё + ʻ.
    const afterNext = w[i + 2];
    if (next === "o" && !isApostrophe(afterNext)) return ["ё", 2];
    if (next === "u") return ["ю", 2];
    if (next === "a") return ["я", 2];
    if (next === "e") {
      // ye at the start or after a vowel is е; after a consonant (obyekt) it is ъе.
      if (atStart || VOWELS.has(prev!) || isApostrophe(prev)) return ["е", 2];
      return ["ъе", 2];
    }
  }
  if (ch === "e") return [atStart || VOWELS.has(prev!) ? "э" : "е", 1];
  // ts in loanwords: at the start (tsikl) and in -tsiya/-tsion (operatsiya → операция);
  // an Uzbek verb ending (ketsa, oʻtsa) keeps т + с.
  if (ch === "t" && next === "s" && (atStart || /^tsi(ya|on)/.test(w.slice(i)))) return ["ц", 2];
  return [LETTERS[ch] ?? ch, 1];
}

/** Gives `cyr` the case of the Latin `latin` it replaces (the whole word's case for digraphs). */
function matchCase(latin: string, cyr: string, word: string): string {
  const first = latin[0]!;
  if (first === first.toLowerCase()) return cyr;
  const wholeWordUpper = word.length > 1 && word === word.toUpperCase();
  if (wholeWordUpper || cyr.length === 1) return cyr.toUpperCase();
  return cyr[0]!.toUpperCase() + cyr.slice(1);
}

function withCaseOf(word: string, cyr: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return cyr.toUpperCase();
  if (word[0] !== word[0]!.toLowerCase()) return cyr[0]!.toUpperCase() + cyr.slice(1);
  return cyr;
}

function normalizeApostrophes(word: string): string {
  return word
    .replace(new RegExp(`(?<=[og])[${APOSTROPHES}]`, "g"), "ʻ")
    .replace(new RegExp(`[${APOSTROPHES}]`, "g"), (ch) => (ch === "ʻ" ? ch : "ʼ"));
}
