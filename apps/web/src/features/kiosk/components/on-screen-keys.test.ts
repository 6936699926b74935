import { describe, expect, it } from "vitest";
import { KEYBOARD_LAYOUTS, layoutFor } from "./on-screen-keys";

describe("the kiosk's letter keyboard", () => {
  it("offers the Uzbek Cyrillic letters on a kiosk in Uzbek Cyrillic, Russian ones in Russian", () => {
    expect(layoutFor("uz-Cyrl")).toBe("uzbekCyrillic");
    expect(layoutFor("ru")).toBe("russian");
    expect(layoutFor("uz")).toBe("latin");
    expect(layoutFor("en")).toBe("latin");
    const uzCyrl = KEYBOARD_LAYOUTS.uzbekCyrillic.join("");
    for (const letter of "ЎҚҒҲ") expect(uzCyrl).toContain(letter);
    // Every letter of the Uzbek Cyrillic alphabet is on it.
    for (const letter of "АБВГҒДЕЁЖЗИЙКҚЛМНОПРСТУЎФХҲЧШЪЭЮЯ") expect(uzCyrl).toContain(letter);
    expect(KEYBOARD_LAYOUTS.latin.join("")).toContain("ʻ");
  });
});
