import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { assertStrongPassword } from "./passwords";

const refusal = (password: string, email?: string) => {
  try {
    assertStrongPassword(password, { email });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
};

describe("the password rule", () => {
  it("accepts ten characters of letters and digits in any script", () => {
    expect(refusal("Toshkent2026")).toBeNull();
    expect(refusal("Пароль2026года")).toBeNull();
    expect(refusal("Ўзбекистон12")).toBeNull();
  });

  it("says every rule a refused password breaks", () => {
    expect(refusal("short1")).toBe("This password is too simple: use at least 10 characters.");
    expect(refusal("onlyletterss")).toBe(
      "This password is too simple: use both letters and digits.",
    );
    expect(refusal("1234567890")).toBe("This password is too simple: use both letters and digits.");
    expect(refusal("aziz.karimov2026", "Aziz.Karimov@bank.uz")).toBe(
      "This password is too simple: leave out your e-mail name.",
    );
    expect(refusal("abc")).toBe(
      "This password is too simple: use at least 10 characters; use both letters and digits.",
    );
  });
});
