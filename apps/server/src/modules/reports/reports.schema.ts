import { LANGUAGES } from "@equeue/contracts";
import { z } from "zod";

/** The longest report range, in days. */
export const MAX_RANGE_DAYS = 366;

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

// ISO dates include a year 0 that PostgreSQL's dates do not have.
const day = z.iso.date("Use a date such as 2026-03-10.").refine((d) => !d.startsWith("0000"), {
  message: "There is no year 0; use a date such as 2026-03-10.",
  params: { code: "invalid_date" },
});

const filterFields = {
  from: day,
  to: day,
  branchId: z.uuid("Choose a branch from the list.").optional(),
  serviceId: z.uuid("Choose a service from the list.").optional(),
  operatorId: z.uuid("Choose an operator from the list.").optional(),
};

function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx) {
  // A day already refused (2026-02-30) has its own message; no range is read from it.
  if (!day.safeParse(q.from).success || !day.safeParse(q.to).success) return;
  const days = dayNumber(q.to) - dayNumber(q.from);
  if (days < 0) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end is before the start." });
  } else if (days + 1 > MAX_RANGE_DAYS) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `A report covers at most ${MAX_RANGE_DAYS} days.`,
    });
  }
}

export const reportQuery = z.strictObject(filterFields).superRefine(checkRange);

export const exportQuery = z
  .strictObject({
    ...filterFields,
    format: z.enum(["csv", "xlsx"], "Choose csv or xlsx."),
    // The file speaks the admin's language; Uzbek is the product's default.
    lang: z.enum(LANGUAGES, "Choose uz, ru or en.").default("uz"),
  })
  .superRefine(checkRange);

export const staffingQuery = z
  .strictObject({
    from: filterFields.from,
    to: filterFields.to,
    branchId: z.uuid("Choose a branch from the list."),
    serviceId: z.uuid("Choose a service from the list."),
    weekday: z.coerce
      .number()
      .int()
      .min(1, "Use 1 (Monday) to 7 (Sunday).")
      .max(7, "Use 1 (Monday) to 7 (Sunday).")
      .optional(),
    goal: z.coerce
      .number()
      .min(0.5, "Plan for a share between 0.5 and 0.99.")
      .max(0.99, "Plan for a share between 0.5 and 0.99.")
      .optional(),
    targetSeconds: z.coerce
      .number()
      .int()
      .min(5, "Use a target wait of 5 to 28800 seconds (8 hours).")
      .max(28_800, "Use a target wait of 5 to 28800 seconds (8 hours).")
      .optional(),
  })
  .superRefine(checkRange);

// The answers (report, live floor, staffing advice) are a contract with the web: defined once in
// @equeue/contracts.
export { floorResponse, reportResponse, staffingResponse } from "@equeue/contracts/schemas";
