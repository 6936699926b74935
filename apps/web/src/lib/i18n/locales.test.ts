import i18next, { type Resource } from "i18next";
import { describe, expect, it } from "vitest";
import { accountMessages } from "./bundles/account";
import { boardScreenMessages } from "./bundles/board-screen";
import { bookingMessages } from "./bundles/booking";
import { deviceScreenMessages } from "./bundles/device-screens";
import { fieldIssuesMessages } from "./bundles/field-issues";
import { kioskScreenMessages } from "./bundles/kiosk-screen";
import { notifyMessages } from "./bundles/notify";
import { portalMessages } from "./bundles/portal";
import { queueMessages } from "./bundles/queue";
import { reportsMessages } from "./bundles/reports";
import { setupMessages } from "./bundles/setup";
import { staffMessages } from "./bundles/staff";
import { en } from "./en";
import { ru } from "./ru";
import { uz } from "./uz";
import { uzCyrlOf } from "./cyrillic";

type Tree = { [key: string]: string | Tree };
type Lang = "uz" | "ru" | "en";

const areas = [
  accountMessages,
  boardScreenMessages,
  bookingMessages,
  deviceScreenMessages,
  fieldIssuesMessages,
  kioskScreenMessages,
  notifyMessages,
  portalMessages,
  queueMessages,
  reportsMessages,
  setupMessages,
  staffMessages,
];

function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const old = target[key];
    target[key] =
      typeof value === "string" ? value : merge(typeof old === "object" ? old : {}, value);
  }
  return target;
}

/** Every text of a language, as the app holds it once all areas are loaded. */
async function allTexts(lang: Lang): Promise<Tree> {
  const base = { uz, ru, en }[lang] as unknown as Tree;
  const tree = merge({}, base);
  for (const area of areas) {
    const texts = lang === "uz" ? area.uz : await area[lang]();
    merge(tree, texts as Tree);
  }
  return tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const withoutPlaceholders = (text: string) => text.replace(/\{\{[^}]*\}\}/g, "");

const PLURAL = /_(zero|one|two|few|many|other)$/;
const keysOf = (texts: Map<string, string>) =>
  [...new Set([...texts.keys()].map((k) => k.replace(PLURAL, "")))].sort();

const texts = Promise.all([allTexts("uz"), allTexts("ru"), allTexts("en")]).then(
  ([uzTree, ruTree, enTree]) => ({
    uz: flatten(uzTree),
    ru: flatten(ruTree),
    en: flatten(enTree),
    trees: { uz: uzTree, ru: ruTree, en: enTree },
  }),
);

describe("locale files", () => {
  it("have the same keys in Uzbek, Russian and English", async () => {
    const t = await texts;
    expect(keysOf(t.ru)).toEqual(keysOf(t.uz));
    expect(keysOf(t.en)).toEqual(keysOf(t.uz));
  });

  it("give every counted text all the plural forms its language needs", async () => {
    const t = await texts;
    const needs: Record<Lang, string[]> = {
      uz: ["one", "other"],
      ru: ["one", "few", "many", "other"],
      en: ["one", "other"],
    };
    for (const lang of ["uz", "ru", "en"] as const) {
      const counted = [...t[lang].keys()].filter((k) => PLURAL.test(k));
      const bases = new Set(counted.map((k) => k.replace(PLURAL, "")));
      for (const base of bases) {
        for (const form of needs[lang])
          expect(t[lang].has(`${base}_${form}`), `${lang} ${base}_${form}`).toBe(true);
      }
    }
  });

  it("keep Russian and Cyrillic letters, ASCII or quotation-mark oʻ/gʻ and untranslated terms out of Uzbek", async () => {
    const t = await texts;
    const bad = [...t.uz].filter(
      ([key, text]) =>
        // Each language's own name is written in that language.
        (!key.startsWith("languages.") && /[\u0400-\u04FF]/.test(text)) ||
        /[oOgG]'/.test(text) ||
        // The official letters ʻ (U+02BB) and ʼ (U+02BC), never the quotation marks ‘ ’.
        /[‘’]/.test(text) ||
        /\b(chipta|Probel|Slug|Super Admin|Qabulxona)\b/i.test(withoutPlaceholders(text)) ||
        /\}\} (ni|ga|da|dan|ning)\b/.test(text),
    );
    expect(bad).toEqual([]);
  });

  it("keep the glossary's Russian terms", async () => {
    const t = await texts;
    const bad = [...t.ru].filter(([, text]) =>
      /Отошёл|Ресепшн|Очередь писем|e-mail|\bslug\b|Суперадмин|\d+ чел\./i.test(
        withoutPlaceholders(text),
      ),
    );
    expect(bad).toEqual([]);
  });

  it("give every Uzbek text a Cyrillic one with the same placeholders and tags, no Latin words", async () => {
    const t = await texts;
    const cyrl = flatten(uzCyrlOf(t.trees.uz) as Tree);
    expect([...cyrl.keys()].sort()).toEqual([...t.uz.keys()].sort());
    const marks = (text: string) =>
      (text.match(/\{\{[^}]*\}\}|<[^<>]+>|\$t\([^)]*\)/g) ?? []).join();
    const bad = [...t.uz].filter(([key, latin]) => {
      const text = cyrl.get(key) ?? "";
      if (marks(text) !== marks(latin)) return true;
      // Left in Latin on purpose: placeholders, tags, paths, abbreviations, percentiles (p90),
      // foreign names.
      const rest = text.replace(
        /\{\{[^}]*\}\}|<[^<>]+>|\S*\/\S*|\S+@\S+|E-Queue|\b[A-Z]{1,5}\d*\b|\b[A-Z]{1,3}-\d+\b|\bp\d{2}\b/g,
        "",
      );
      const latinWords = (rest.match(/[A-Za-z]+/g) ?? []).filter(
        (w) => !/c(?!h)|w/i.test(w) && !key.startsWith("languages."),
      );
      return latinWords.length > 0;
    });
    expect(bad).toEqual([]);
    expect(cyrl.get("languages.uz-Cyrl")).toBe("Ўзбекча");
    expect(cyrl.get("languages.uz")).toBe("Oʻzbekcha");
    expect(cyrl.get("common.save")).toBe("Сақлаш");
  });

  it("count people in Russian with the right plural form", async () => {
    const t = await texts;
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: "ru",
      fallbackLng: "uz",
      // The app's typed resources describe Uzbek; these are the merged trees of every area.
      resources: {
        ru: { translation: t.trees.ru },
        uz: { translation: t.trees.uz },
      } as unknown as Resource,
      interpolation: { escapeValue: false },
    });
    const ahead = (count: number) => i18n.t("kiosk.ticket.ahead", { count });
    expect([1, 3, 5, 11, 21, 22, 25].map(ahead)).toEqual([
      "Перед вами 1 человек",
      "Перед вами 3 человека",
      "Перед вами 5 человек",
      "Перед вами 11 человек",
      "Перед вами 21 человек",
      "Перед вами 22 человека",
      "Перед вами 25 человек",
    ]);
    expect(i18n.t("portal.operatorsNow", { count: 1 })).toBe("Обслуживает 1 оператор");
    expect(i18n.t("portal.operatorsNow", { count: 7 })).toBe("Обслуживают 7 операторов");
    await i18n.changeLanguage("uz");
    expect(i18n.t("kiosk.ticket.ahead", { count: 3 })).toBe("Sizdan oldin 3 kishi");
  });
});
