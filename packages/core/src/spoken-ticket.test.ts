import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberToWords, uzbekOrdinal } from "./number-words";
import { spokenCall, spokenCounter, spokenTicketNumber } from "./spoken-ticket";

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

  it("announces the counter", () => {
    expect(spokenCall("K-012", 3, "uz")).toBe("ka o'n ikki, uchinchi oyna");
    expect(spokenCall("K-012", 3, "ru")).toBe("ка двенадцать, окно три");
    expect(spokenCounter(1, "uz")).toBe("birinchi oyna");
  });

  it("refuses labels that are not ticket numbers", () => {
    expect(() => spokenTicketNumber("hello", "uz")).toThrow(/not a ticket number/);
    expect(() => spokenCounter(0, "ru")).toThrow(/not a window number/);
  });
});
