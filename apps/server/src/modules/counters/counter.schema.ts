import { z } from "zod";
import { idParams } from "../setup-common";

const fields = {
  number: z
    .number()
    .int("Use a whole number.")
    .min(1, "Counter numbers are 1 to 999.")
    .max(999, "Counter numbers are 1 to 999."),
  name: z
    .string()
    .trim()
    .max(60, "Use at most 60 characters.")
    .transform((v) => (v === "" ? null : v))
    .nullable(),
  active: z.boolean(),
};

export const createCounterBody = z.strictObject({
  number: fields.number,
  name: fields.name.optional(),
  active: fields.active.default(true),
});
export type CreateCounterInput = z.infer<typeof createCounterBody>;

export const updateCounterBody = z.strictObject(fields).partial();
export type UpdateCounterInput = z.infer<typeof updateCounterBody>;

// The answer is a contract with the web: defined once in @equeue/contracts.
export { counterSchema } from "@equeue/contracts/schemas";

export const branchCounterParams = idParams("branch");
export const counterIdParams = idParams("counter");
