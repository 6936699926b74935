import { z } from "zod";
import { uuidOf } from "@equeue/contracts/schemas";

// Form fields that several set-up modules share are defined once in @equeue/contracts, with the
// bodies that use them.
export {
  i18nPartial,
  i18nText,
  languagesSchema,
  phoneSchema,
  timeZoneSchema,
  uuidOf,
} from "@equeue/contracts/schemas";

/** Path parameters of a company route with an `:id` (the `:slug` comes from the realm prefix). */
export const idParams = (what: string) => z.object({ slug: z.string(), id: uuidOf(what) });
