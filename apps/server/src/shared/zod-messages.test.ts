import { describe, expect, it } from "vitest";
import { z } from "zod";
import { usePlainFieldMessages } from "./zod-messages";

usePlainFieldMessages();
const messages = (schema: z.ZodType, input: unknown) =>
  schema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe("plain field messages", () => {
  it("a fraction where a whole number is asked says so, not 'a number, not a number'", () => {
    expect(messages(z.number().int(), 1.5)).toEqual(["Use a whole number here, such as 2."]);
    expect(messages(z.number().int(), "2")).toEqual(["Use a number here, not text."]);
  });

  it("a huge number is 'far too large', not the 2^53 bound nobody can use", () => {
    expect(messages(z.number().int(), 1e20)).toEqual(["This number is far too large."]);
    expect(messages(z.number().int().max(6000), 7000)).toEqual(["Use 6000 or less."]);
  });
});
