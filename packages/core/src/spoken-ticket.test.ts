import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberToWords, uzbekOrdinal } from "./number-words";
import {
  pickAnnouncementVoice,
  spokenCall,
  spokenCounter,
  spokenTicketNumber,
} from "./spoken-ticket";

describe("numberToWords", () => {
  it.each([
    [0, "nol", "ноль"],
    [7, "yetti", "семь"],
    [12, "o'n ikki", "двенадцать"],
    [21, "yigirma bir", "двадцать один"],
    [40, "qirq", "сорок"],
    [100, "yuz", "сто"],
    [105, "yuz besh", "сто пять"],
    [342, "uch yuz qirq ikki", "триста сорок два"],
    [1000, "ming", "тысяча"],
    [1001, "ming bir", "тысяча один"],
    [2000, "ikki ming", "две тысячи"],
    [5000, "besh ming", "пять тысяч"],
    [11000, "o'n bir ming", "одиннадцать тысяч"],
    [21000, "yigirma bir ming", "двадцать одна тысяча"],
    [
      999_999,
      "to'qqiz yuz to'qson to'qqiz ming to'qqiz yuz to'qson to'qqiz",
      "девятьсот девяносто девять тысяч девятьсот девяносто девять",
    ],
  ])("says %i as %s / %s", (n, uz, ru) => {
    expect(numberToWords(n, "uz")).toBe(uz);
    expect(numberToWords(n, "ru")).toBe(ru);
  });

  it("never reads digits and gives different numbers different words", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (a, b) => {
          for (const lang of ["uz", "ru"] as const) {
            const words = numberToWords(a, lang);
            expect(words).not.toMatch(/\d|nol|ноль| {2}|^ | $/);
            if (a !== b) expect(numberToWords(b, lang)).not.toBe(words);
          }
        },
      ),
    );
  });

  it("builds Uzbek ordinals with -inchi, or -nchi after a vowel", () => {
    expect([1, 2, 3, 4, 6, 7, 10, 12, 20].map(uzbekOrdinal)).toEqual([
      "birinchi",
      "ikkinchi",
      "uchinchi",
      "to'rtinchi",
      "oltinchi",
      "yettinchi",
      "o'ninchi",
      "o'n ikkinchi",
      "yigirmanchi",
    ]);
  });
});

describe("spoken announcements", () => {
  it("reads a ticket as a person would, not digit by digit", () => {
    expect(spokenTicketNumber("K-012", "uz")).toBe("ka o'n ikki");
    expect(spokenTicketNumber("K-012", "ru")).toBe("ка двенадцать");
    expect(spokenTicketNumber("O-001", "uz")).toBe("o bir");
    expect(spokenTicketNumber("KR-1000", "ru")).toBe("ка эр тысяча");
  });

  it("names the counter as a label", () => {
    expect(spokenCounter(1, "uz")).toBe("birinchi oyna");
    expect(spokenCounter(3, "ru")).toBe("окно три");
  });

  // As halls say it: the counter in the dative in Uzbek; in Russian "талон" first, so the letter
  // О, А, И or У is not heard as a preposition or conjunction, then "пройдите к окну N".
  it.each([
    ["K-012", 3, "ka o'n ikki, uchinchi oynaga", "талон ка двенадцать, пройдите к окну три"],
    ["O-105", 2, "o yuz besh, ikkinchi oynaga", "талон о сто пять, пройдите к окну два"],
    ["A-1000", 12, "a ming, o'n ikkinchi oynaga", "талон а тысяча, пройдите к окну двенадцать"],
    ["W-007", 10, "dubl-ve yetti, o'ninchi oynaga", "талон дабл-ю семь, пройдите к окну десять"],
    [
      "U-021",
      21,
      "u yigirma bir, yigirma birinchi oynaga",
      "талон у двадцать один, пройдите к окну двадцать один",
    ],
    ["I-040", 40, "i qirq, qirqinchi oynaga", "талон и сорок, пройдите к окну сорок"],
  ])("announces %s at counter %i", (label, counter, uz, ru) => {
    expect(spokenCall(label, counter, "uz")).toBe(uz);
    expect(spokenCall(label, counter, "ru")).toBe(ru);
  });

  it("always puts the counter in the dative and the word талон before a Russian letter", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("A", "I", "K", "O", "U", "W"),
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 200 }),
        (series, n, counter) => {
          const label = `${series}-${String(n).padStart(3, "0")}`;
          expect(spokenCall(label, counter, "uz")).toMatch(/, \S.* oynaga$/);
          expect(spokenCall(label, counter, "ru")).toMatch(/^талон \S.*, пройдите к окну \S/);
        },
      ),
    );
  });

  it("refuses labels that are not ticket numbers", () => {
    expect(() => spokenTicketNumber("hello", "uz")).toThrow(/not a ticket number/);
    expect(() => spokenCounter(0, "ru")).toThrow(/not a window number/);
  });
});

describe("pickAnnouncementVoice", () => {
  const voice = (lang: string) => ({ lang, name: lang });

  it("uses an Uzbek voice for Uzbek and a Russian one for Russian", () => {
    const voices = [voice("en-US"), voice("ru-RU"), voice("uz_UZ")];
    expect(pickAnnouncementVoice(voices, "uz")).toEqual({ voice: voice("uz_UZ"), lang: "uz" });
    expect(pickAnnouncementVoice(voices, "ru")).toEqual({ voice: voice("ru-RU"), lang: "ru" });
  });

  it("never lets a Turkish voice read Uzbek: the Russian phrase is said instead", () => {
    const voices = [voice("tr-TR"), voice("ru-RU")];
    expect(pickAnnouncementVoice(voices, "uz")).toEqual({ voice: voice("ru-RU"), lang: "ru" });
    expect(pickAnnouncementVoice([voice("tr-TR"), voice("en-GB")], "uz")).toBeNull();
  });

  it("does not take a tag that only begins with the same letters", () => {
    expect(pickAnnouncementVoice([voice("rue-UA")], "ru")).toBeNull();
    expect(pickAnnouncementVoice([voice("ru")], "ru")?.lang).toBe("ru");
  });
});
