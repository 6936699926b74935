import type { createCounterBody, updateCounterBody } from "@equeue/contracts/schemas";
import type { z } from "zod";
import { idParams } from "../setup-common";

// The bodies and the answer are a contract with the web: defined once in @equeue/contracts.
export { counterSchema, createCounterBody, updateCounterBody } from "@equeue/contracts/schemas";

export type CreateCounterInput = z.infer<typeof createCounterBody>;
export type UpdateCounterInput = z.infer<typeof updateCounterBody>;

export const branchCounterParams = idParams("branch");
export const counterIdParams = idParams("counter");
