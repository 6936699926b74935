import { z } from "zod";
import { pageOf, pagingQuery } from "../../shared/paging";
import { i18nTextSchema } from "../queue";
import { TEXT_MAX } from "@equeue/contracts/schemas";

export const ratingParams = z.object({
  slug: z.string(),
  token: z.string().max(128, "This is not a ticket link."),
});

export const rateBody = z.strictObject({
  stars: z
    .number()
    .int("Choose 1 to 5 stars.")
    .min(1, "Choose 1 to 5 stars.")
    .max(5, "Choose 1 to 5 stars."),
  comment: z
    .string()
    .trim()
    .max(500, "At most 500 characters.")
    .nullish()
    .transform((v) => v || null),
});

export const ratingSchema = z.object({
  stars: z.number().int(),
  comment: z.string().max(TEXT_MAX.comment).nullable(),
  createdAt: z.date(),
});

export const myRatingResponse = z.object({
  canRate: z.boolean().describe("The visit is finished and not rated yet"),
  rating: ratingSchema.nullable(),
});

export const ratingsQuery = z.strictObject({
  stars: z.coerce.number().int().min(1).max(5).optional(),
  ...pagingQuery,
});

export const ratingsPage = pageOf(
  ratingSchema.extend({
    ticketLabel: z.string().max(TEXT_MAX.label),
    branchName: i18nTextSchema.nullable(),
    serviceName: i18nTextSchema.nullable(),
  }),
).extend({
  summary: z.object({ average: z.number().nullable(), count: z.number().int() }),
});

// A company's rating in the directory is part of its card: defined in @equeue/contracts.
export { ratingSummarySchema } from "@equeue/contracts/schemas";
