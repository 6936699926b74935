import { describe, expect, it } from "vitest";
import { latinToCyrillic, treeToCyrillic } from "./cyrillic";

describe("Uzbek Latin to Cyrillic", () => {
  it.each([
    // Texts from the locale files.
    ["Navbatga yozilish", "Навбатга ёзилиш"],
    ["Oʻzbekcha", "Ўзбекча"],
    ["Talon olish", "Талон олиш"],
    ["Uchinchi oynaga", "Учинчи ойнага"],
    ["Nimadir xato ketdi. Qayta urinib ko‘ring.", "Нимадир хато кетди. Қайта уриниб кўринг."],
    ["Bekor qilish", "Бекор қилиш"],
    ["Tanaffus", "Танаффус"],
    ["Sizdan oldin {{count}} kishi", "Сиздан олдин {{count}} киши"],
    ["Bu e-pochta bilan xodim allaqachon bor.", "Бу э-почта билан ходим аллақачон бор."],
    ["Chiquvchi xabarlar", "Чиқувчи хабарлар"],
    ["Baho", "Баҳо"],
    ["Bosh administrator", "Бош администратор"],
    // The letter rules one by one.
    ["gʻisht, g'isht, g‘isht", "ғишт, ғишт, ғишт"],
    ["yoʻl yoʻq", "йўл йўқ"],
    ["yangi yuz yo", "янги юз ё"],
    ["ayol", "аёл"],
    ["yer, iye, obyekt", "ер, ие, объект"],
    ["eshik, shoir, poeziya, kelmadi", "эшик, шоир, поэзия, келмади"],
    ["maʼlumot, sanʼat, ta’lim", "маълумот, санъат, таълим"],
    ["tong, singil", "тонг, сингил"],
    ["Migratsiyalar, tsikl, ketsa, oʻtsa", "Миграциялар, цикл, кетса, ўтса"],
    ["Shahar, Chiqish, YANGILASH", "Шаҳар, Чиқиш, ЯНГИЛАШ"],
    ["OʻZBEKCHA", "ЎЗБЕКЧА"],
    ["U keldi", "У келди"],
  ])("%s → %s", (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it("leaves placeholders, tags, URLs, addresses, labels and abbreviations as written", () => {
    expect(latinToCyrillic("{{label}}-talon, {{name, lowercase}} uchun $t(common.save)")).toBe(
      "{{label}}-талон, {{name, lowercase}} учун $t(common.save)",
    );
    expect(latinToCyrillic("<1>Kirish</1> yoki <strong>chiqish</strong>")).toBe(
      "<1>Кириш</1> ёки <strong>чиқиш</strong>",
    );
    expect(latinToCyrillic("Manzil: https://e-queue.uz/k/bank va admin@bank.uz")).toBe(
      "Манзил: https://e-queue.uz/k/bank ва admin@bank.uz",
    );
    expect(latinToCyrillic("O-001 talon, masalan K yoki KR; SMS va QR")).toBe(
      "O-001 талон, масалан K ёки KR; SMS ва QR",
    );
    expect(latinToCyrillic("Kiosk manzilida: …/k/kompaniya/{{slug}}")).toBe(
      "Киоск манзилида: …/k/kompaniya/{{slug}}",
    );
    expect(latinToCyrillic("E-Queue, Excel (XLSX), cookie")).toBe("E-Queue, Excel (XLSX), cookie");
    expect(latinToCyrillic("Kutish p50, xizmat p90")).toBe("Кутиш p50, хизмат p90");
    expect(latinToCyrillic("Dush,Sesh,Chor,Pay,Jum,Shan,Yak")).toBe("Душ,Сеш,Чор,Пай,Жум,Шан,Як");
  });

  it("uses the overrides for words the rules get wrong, in any case", () => {
    expect(latinToCyrillic("1-oktyabr, Sentyabr, Funksiya")).toBe("1-октябрь, Сентябрь, Функция");
    expect(latinToCyrillic("English")).toBe("English");
  });

  it("keeps Cyrillic, digits and punctuation", () => {
    expect(latinToCyrillic("Русский — 12:30, 2–5 ta")).toBe("Русский — 12:30, 2–5 та");
  });

  it("converts every text of a tree and keeps its keys", () => {
    expect(treeToCyrillic({ a: "talon", b: { oyna_one: "{{count}} oyna" } })).toEqual({
      a: "талон",
      b: { oyna_one: "{{count}} ойна" },
    });
  });
});
