import { ALL_AUDIT_ACTIONS, AUDIT_ACTOR } from "@equeue/contracts";
import { describe, expect, it } from "vitest";
import { AUDIT_LABELS, auditActionLabel, auditActorLabel, auditTargetLabel } from "./audit-labels";

// The server's `recordAudit` accepts only codes of ALL_AUDIT_ACTIONS (a type error otherwise),
// so this list is the list of what the server can record.
const LANGS = ["uz", "ru", "en"] as const;

describe("audit log labels", () => {
  it.each(LANGS)("labels every action the server records, in %s", (lang) => {
    for (const code of ALL_AUDIT_ACTIONS) {
      const label = AUDIT_LABELS[lang].action[code];
      expect(label?.trim(), `${lang}: ${code}`).toBeTruthy();
      expect(label, `${lang}: ${code} is shown raw`).not.toBe(code);
    }
    expect(Object.keys(AUDIT_LABELS[lang].action).sort()).toEqual([...ALL_AUDIT_ACTIONS].sort());
  });

  it.each(LANGS)("names every kind of actor in %s", (lang) => {
    for (const type of Object.values(AUDIT_ACTOR)) {
      expect(AUDIT_LABELS[lang].actor[type]?.trim(), `${lang}: ${type}`).toBeTruthy();
      expect(auditActorLabel(type, lang)).not.toBe(type);
    }
  });

  it("uses the glossary's words and Uzbek letters", () => {
    expect(auditActorLabel("SUPER_ADMIN", "uz")).toBe("bosh administrator");
    expect(auditActorLabel("SUPER_ADMIN", "ru")).toBe("главный администратор");
    expect(auditActorLabel("SUPER_ADMIN", "en")).toBe("platform administrator");
    expect(auditActionLabel("auth.login", "uz")).toBe("Tizimga kirdi");
    expect(auditActionLabel("auth.login", "ru")).toBe("Вход в систему");
    expect(auditActionLabel("auth.login", "en")).toBe("Signed in");
    // oʻ/gʻ with U+02BB and the tutuq belgisi U+02BC, never a typewriter or curly quote.
    const uz = JSON.stringify(AUDIT_LABELS.uz);
    expect(uz).not.toMatch(/[og]['‘’`]/i);
    expect(uz).not.toMatch(/[a-z]['‘’`][a-z]/i);
  });

  it("turns a code it does not know into readable words instead of failing", () => {
    expect(auditActionLabel("branch.schedule.set", "en")).toBe("Branch: schedule set");
    expect(auditActionLabel("branch.schedule.set", "ru")).toBe("Филиал: schedule set");
    expect(auditActionLabel("kiosk-theme", "uz")).toBe("Kiosk theme");
    expect(auditActionLabel("constructor", "en")).toBe("Constructor");
    expect(auditActorLabel("API_CLIENT", "en")).toBe("api client");
    expect(auditTargetLabel("booking_slot", "en")).toBe("booking slot");
    expect(auditActionLabel("auth.login", "de")).toBe("Tizimga kirdi");
  });
});
