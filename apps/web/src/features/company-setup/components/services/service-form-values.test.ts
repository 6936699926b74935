import { describe, expect, it } from "vitest";
import { suggestLetter } from "./service-form-values";

describe("ticket letter suggestion", () => {
  it("takes the first letter, or adds the next one when it is taken", () => {
    expect(suggestLetter("Kassa xizmati", new Set())).toBe("K");
    expect(suggestLetter("Kredit maslahat", new Set(["K"]))).toBe("KR");
    expect(suggestLetter("Kredit maslahat", new Set(["K", "KR"]))).toBe("KE");
    expect(suggestLetter("", new Set())).toBe("");
  });
});

describe("notification fields of the service form", () => {
  it("sends the nearly-up place and wait, and an empty target wait as none", async () => {
    const { initialServiceValues, toServiceInput } = await import("./service-form-values");
    const values = { ...initialServiceValues(), name: { uz: "Kassa" }, letter: "K" };
    expect(values).toMatchObject({
      nearlyUpPosition: "3",
      nearlyUpMinutes: "0",
      targetWaitMinutes: "",
    });
    expect(toServiceInput(values)).toMatchObject({
      nearlyUpPosition: 3,
      nearlyUpMinutes: 0,
      targetWaitMinutes: null,
    });
    expect(
      toServiceInput({ ...values, nearlyUpMinutes: "10", targetWaitMinutes: "15" }),
    ).toMatchObject({ nearlyUpMinutes: 10, targetWaitMinutes: 15 });
  });
});

describe("number fields of the service form", () => {
  it("names each field out of its bounds, and lets an empty target wait mean none", async () => {
    const { initialServiceValues, numberFieldErrors } = await import("./service-form-values");
    const values = { ...initialServiceValues(), name: { uz: "Kassa" }, letter: "K" };
    expect(numberFieldErrors(values)).toEqual({});
    expect(
      numberFieldErrors({
        ...values,
        priority: "11",
        headStartMinutes: "1.5",
        nearlyUpPosition: "-1",
        nearlyUpMinutes: "241",
        targetWaitMinutes: "0",
      }),
    ).toEqual({
      priority: "setup.services.priorityInvalid",
      headStartMinutes: "setup.services.headStartInvalid",
      nearlyUpPosition: "setup.services.nearlyUpPositionInvalid",
      nearlyUpMinutes: "setup.services.nearlyUpMinutesInvalid",
      targetWaitMinutes: "setup.services.targetWaitInvalid",
    });
    expect(
      numberFieldErrors({
        ...values,
        priority: "10",
        nearlyUpMinutes: "240",
        targetWaitMinutes: "1440",
      }),
    ).toEqual({});
  });
});
