import { DETAIL_CODES } from "@equeue/contracts";
import i18next from "i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { ru } from "../i18n/ru";
import { uz } from "../i18n/uz";
import { uzCyrlOf } from "../i18n/cyrillic";
import { fieldIssuesEn } from "../i18n/field-issues/en";
import { fieldIssuesRu } from "../i18n/field-issues/ru";
import { fieldIssuesUz } from "../i18n/field-issues/uz";
import { ApiError, fieldErrors, issueMessage } from "./api-error";
import { toApiError } from "./http";

// `issueMessage` reads the app's i18next instance (the default one), as the screens do.
beforeAll(async () => {
  await i18next.init({
    lng: "ru",
    fallbackLng: "uz",
    resources: {
      uz: { translation: { ...uz, fieldIssues: fieldIssuesUz } },
      "uz-Cyrl": { translation: uzCyrlOf({ ...uz, fieldIssues: fieldIssuesUz }) },
      ru: { translation: { ...ru, fieldIssues: fieldIssuesRu } },
      en: { translation: { ...en, fieldIssues: fieldIssuesEn } },
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

  it("translate a field problem by its detail code, with the bound and its plural form", async () => {
    const short = {
      path: "name.uz",
      code: "too_short",
      message: "Use at least 3.",
      params: { min: 3 },
    } as const;
    await i18next.changeLanguage("ru");
    expect(issueMessage("VALIDATION_FAILED", short)).toBe("Введите не меньше 3 символов.");
    expect(issueMessage("VALIDATION_FAILED", { ...short, params: { min: 21 } })).toBe(
      "Введите не меньше 21 символа.",
    );
    await i18next.changeLanguage("uz");
    expect(issueMessage("VALIDATION_FAILED", short)).toBe("Kamida 3 ta belgi kiriting.");
    await i18next.changeLanguage("uz-Cyrl");
    expect(issueMessage("VALIDATION_FAILED", short)).toBe("Камида 3 та белги киритинг.");
    await i18next.changeLanguage("en");
    expect(issueMessage("VALIDATION_FAILED", short)).toBe("Use at least 3 characters.");
    const phone = {
      path: "phone",
      code: "invalid_phone",
      message: "Use an Uzbek mobile.",
    } as const;
    expect(issueMessage("VALIDATION_FAILED", phone)).toBe(
      "Enter a phone number like +998 90 123 45 67.",
    );
    await i18next.changeLanguage("ru");
    expect(issueMessage("VALIDATION_FAILED", phone)).toBe(
      "Введите номер в формате +998 90 123 45 67.",
    );
  });

  it("keep the server's English on an English screen only for a vague code", async () => {
    const vague = {
      path: "code",
      code: "invalid_format",
      message: "Use 2–5 Latin letters.",
    } as const;
    await i18next.changeLanguage("en");
    expect(issueMessage("VALIDATION_FAILED", vague)).toBe("Use 2–5 Latin letters.");
    await i18next.changeLanguage("ru");
    expect(issueMessage("VALIDATION_FAILED", vague)).toBe("Значение в неверном формате.");
  });

  it("read the detail code and bounds from the server's answer", async () => {
    const body = {
      error: {
        code: "VALIDATION_FAILED",
        message: "Some fields are missing or not valid; see details.",
        details: [
          { path: "slug", code: "too_long", message: "Use at most 40.", params: { max: 40 } },
          { path: "x", code: "made_up", message: "Odd." },
        ],
      },
    };
    const error = await toApiError(
      new Response(JSON.stringify(body), {
        status: 400,
        headers: { "content-type": "application/json" },
      }),
    );
    await i18next.changeLanguage("ru");
    expect(fieldErrors(error)).toEqual({ slug: "Введите не больше 40 символов.", x: "Odd." });
  });

  it("have a text for every detail code the server may send, in every language", async () => {
    for (const lang of ["uz", "uz-Cyrl", "ru", "en"]) {
      await i18next.changeLanguage(lang);
      for (const code of DETAIL_CODES) {
        const text = issueMessage("VALIDATION_FAILED", {
          path: "f",
          code,
          message: "",
          params: { min: 2 },
        });
        expect(text, `${lang} ${code}`).toMatch(/\S/);
        expect(text, `${lang} ${code}`).not.toContain("fieldIssues");
      }
    }
  });
});
