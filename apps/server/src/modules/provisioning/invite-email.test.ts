import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { inviteEmail } from "./invite-email";

const here = path.dirname(fileURLToPath(import.meta.url));
const setupTexts = path.resolve(here, "../../../../web/src/lib/i18n/setup");

/** The overview page's "ready for activation" button, as the web app labels it. */
function readyButton(lang: "uz" | "ru" | "en"): string {
  const source = fs.readFileSync(path.join(setupTexts, `${lang}.ts`), "utf8");
  const label = /readyButton: "([^"]+)"/.exec(source)?.[1];
  if (!label) throw new Error(`no readyButton in the web's setup texts (${lang})`);
  return label;
}

describe("the invite e-mail", () => {
  it.each(["uz", "ru", "en"] as const)(
    "names the button the admin will find on the overview page (%s)",
    (language) => {
      const { text } = inviteEmail({
        companyName: "Shifo Klinikasi",
        loginUrl: "https://e-queue.example/c/shifo/admin/login",
        email: "admin@shifo.uz",
        password: "one-time-pass",
        validDays: 7,
        language,
      });
      expect(text).toContain(readyButton(language));
    },
  );
});
