import i18next from "i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { ru } from "../i18n/ru";
import { uz } from "../i18n/uz";
import { uzCyrlOf } from "../i18n/cyrillic";
import { ApiError, fieldErrors, issueMessage } from "./api-error";

// `issueMessage` reads the app's i18next instance (the default one), as the screens do.
beforeAll(async () => {
  await i18next.init({
    lng: "ru",
    fallbackLng: "uz",
    resources: {
      uz: { translation: uz },
      "uz-Cyrl": { translation: uzCyrlOf(uz) },
      ru: { translation: ru },
      en: { translation: en },
    },
    interpolation: { escapeValue: false },
  });
});
afterAll(() => i18next.changeLanguage("uz"));

const taken = new ApiError(
  409,
  "ALREADY_EXISTS",
  "a@b.uz already has an account in this company.",
  [{ path: "email", message: "This e-mail already has an account." }],
);

describe("field problems from the server", () => {
  it("reach people in their language by error code and field", async () => {
    await i18next.changeLanguage("ru");
    expect(fieldErrors(taken)).toEqual({ email: "Сотрудник с этой эл. почтой уже есть." });
    await i18next.changeLanguage("uz");
    expect(fieldErrors(taken).email).toBe("Bu e-pochta bilan xodim allaqachon bor.");
    await i18next.changeLanguage("uz-Cyrl");
    expect(fieldErrors(taken).email).toBe("Бу э-почта билан ходим аллақачон бор.");
  });

  it("find the field behind a nested path", async () => {
    await i18next.changeLanguage("ru");
    const issue = { path: "body.number", message: "Counter 3 already exists in this branch." };
    expect(issueMessage("ALREADY_EXISTS", issue)).toBe("Окно с этим номером в филиале уже есть.");
  });

  it("fall back to the server's words for a code or field the web does not know", async () => {
    await i18next.changeLanguage("ru");
    const issue = { path: "idleResetSeconds", message: "Use 30 to 3600 seconds." };
    expect(issueMessage("VALIDATION_FAILED", issue)).toBe("Use 30 to 3600 seconds.");
    expect(issueMessage("ALREADY_EXISTS", { path: "colour", message: "Taken." })).toBe("Taken.");
  });
});
