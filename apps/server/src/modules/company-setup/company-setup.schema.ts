import { z } from "zod";
import { codedPattern } from "../../shared/validation-details";
import { patternBound } from "@equeue/contracts/schemas";

// The answers (overview, ready, branding) are a contract with the web: defined once in
// @equeue/contracts.
export {
  brandingSchema,
  checklistItemSchema,
  overviewSchema,
  readySchema,
  type ChecklistItemDto as ChecklistItem,
} from "@equeue/contracts/schemas";

export const brandingBody = z.strictObject({
  primaryColor: z
    .string()
    .trim()
    .regex(codedPattern(/^#[0-9a-fA-F]{6}$/, "invalid_colour"), "Use a hex colour like #0A6ED1.")
    .meta(patternBound(7))
    .transform((c) => c.toUpperCase())
    .nullable(),
});
