/**
 * Uzbek words whose Cyrillic spelling the letter rules of `cyrillic.ts` do not give: loanwords
 * written with ц, ь or э in Cyrillic but not in Latin, and names kept in their own script.
 * Keys are lower-case Latin with ʻ (U+02BB) after o/g and ʼ (U+02BC) for the tutuq belgisi;
 * the values follow the glossary's uz-Cyrl column. Add a word here when a review finds one.
 */
export const CYRILLIC_OVERRIDES: ReadonlyMap<string, string> = new Map([
  // Months: the Cyrillic keeps the soft sign the Latin drops.
  ["yanvar", "январь"],
  ["fevral", "февраль"],
  ["aprel", "апрель"],
  ["iyun", "июнь"],
  ["iyul", "июль"],
  ["sentyabr", "сентябрь"],
  ["oktyabr", "октябрь"],
  ["noyabr", "ноябрь"],
  ["dekabr", "декабрь"],
  // ц written as s in Latin.
  ["aksiya", "акция"],
  ["funksiya", "функция"],
  ["stansiya", "станция"],
  ["litsenziya", "лицензия"],
  ["sex", "цех"],
  ["sentr", "центр"],
  ["kompyuter", "компьютер"],
  ["mebel", "мебель"],
  ["model", "модель"],
  ["rol", "роль"],
  // A language's own name, written in that language.
  ["english", "English"],
]);
