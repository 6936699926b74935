// The ratings module's entry: what other modules may use.
export { ratingSummarySchema } from "./ratings.schema";
export { averageOf } from "./ratings.service";
