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
