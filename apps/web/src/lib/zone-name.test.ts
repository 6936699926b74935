import { describe, expect, it } from "vitest";
import { zoneName } from "./zone-name";

describe("zoneName", () => {
  it("names a branch's zone in the reader's language with its offset", () => {
    expect(zoneName("Asia/Tashkent", "uz-Latn-UZ")).toBe("Oʻzbekiston standart vaqti, GMT+5");
    expect(zoneName("Asia/Tashkent", "ru-RU")).toBe("Узбекистан, стандартное время, GMT+5");
    expect(zoneName("Asia/Tashkent", "en-GB")).toBe("Uzbekistan Standard Time, GMT+5");
  });

  it("names a zone without a name by its offset, and an unknown id as it is", () => {
    // A locale the runtime has no zone names for falls back to English: the offset says enough.
    expect(zoneName("Asia/Tashkent", "xx-Latn")).toBe("GMT+5");
    expect(zoneName("Etc/GMT-3", "en-GB")).toBe("GMT+3");
    expect(zoneName("Not/AZone", "uz-Latn-UZ")).toBe("Not/AZone");
  });
});
