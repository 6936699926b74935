import { describe, expect, it } from "vitest";
import { notificationText } from "./notification-texts";

describe("notification texts for a customer who chose Uzbek Cyrillic", () => {
  it("writes the company's own Uzbek template in Cyrillic, names and links as entered", () => {
    const parts = {
      label: "K-012",
      service: "Kredit",
      branch: "Chilonzor",
      link: "https://navbat.example.uz/t/abc",
      counter: 3,
      position: null,
      time: null,
    };
    expect(notificationText("CALLED", "uz-Cyrl", parts)).toBe(
      "K-012: навбатингиз келди, 3-ойнага ўтинг.",
    );
    const own = { CALLED: { uz: "{number} raqami, {counter}-oynaga marhamat ({branch})" } };
    expect(notificationText("CALLED", "uz-Cyrl", parts, own)).toBe(
      "K-012 рақами, 3-ойнага марҳамат (Chilonzor)",
    );
    expect(notificationText("CALLED", "uz", parts)).toBe(
      "K-012: navbatingiz keldi, 3-oynaga oʻting.",
    );
  });
});

describe("a booking the company cancelled", () => {
  const parts = {
    label: "B-004",
    service: "Kredit",
    branch: "Chilonzor",
    link: "https://navbat.example.uz/t/abc",
    counter: null,
    position: null,
    time: "04.12 17:55",
  };

  it("says why in the customer's language when nobody wrote a message", () => {
    const hours = { ...parts, reason: "HOURS" as const };
    expect(notificationText("BOOKING_CANCELLED", "ru", hours)).toBe(
      "B-004: запись на 04.12 17:55 отменена (Chilonzor). Изменился график работы отделения: выберите другое время.",
    );
    expect(notificationText("BOOKING_CANCELLED", "uz-Cyrl", hours)).toMatch(
      /^B-004: 04\.12 17:55даги ёзувингиз бекор қилинди \(Chilonzor\)\. Филиалнинг иш вақти ўзгарди/,
    );
    expect(notificationText("BOOKING_CANCELLED", "en", hours)).toMatch(
      /cancelled \(Chilonzor\)\. The branch's hours changed: please choose another time\.$/,
    );
  });

  it("quotes the staff's words instead of the reason, and says nothing more without either", () => {
    const noted = { ...parts, reason: "HOURS" as const, message: "Bayram" };
    expect(notificationText("BOOKING_CANCELLED", "uz", noted)).toBe(
      "B-004: 04.12 17:55dagi yozuvingiz bekor qilindi (Chilonzor). Bayram",
    );
    expect(notificationText("BOOKING_CANCELLED", "uz", parts)).toBe(
      "B-004: 04.12 17:55dagi yozuvingiz bekor qilindi (Chilonzor).",
    );
  });
});
