import { z } from "zod";
import { i18nPartial, i18nText, uuidOf, idParams } from "../setup-common";

export const serviceLetterSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}$/, "Use one or two Latin capital letters, e.g. K or KR.");

export const serviceCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z][A-Z0-9_]{1,19}$/,
    "Use 2–20 Latin capitals, digits or underscores, starting with a letter, e.g. KASSA.",
  );

const assignment = z.strictObject({
  branchId: uuidOf("branch"),
  enabled: z.boolean().default(true),
});
const assignments = z.array(assignment).max(1000);

const editable = {
  name: i18nText(120),
  description: i18nPartial(1000),
  code: serviceCodeSchema,
  letter: serviceLetterSchema,
  durationMinutes: z
    .number()
    .int("Use whole minutes.")
    .min(1, "Use 1 to 480 minutes.")
    .max(480, "Use 1 to 480 minutes."),
  priority: z.number().int().min(0, "Priority is 0 to 10.").max(10, "Priority is 0 to 10."),
  headStartSeconds: z
    .number()
    .int()
    .min(0, "Use 0 to 7200 seconds.")
    .max(7200, "Use 0 to 7200 seconds."),
  onlineBooking: z.boolean(),
  showOnKiosk: z.boolean(),
  active: z.boolean(),
  /** A waiting customer at this place in line or nearer is told "nearly up" (0: never). */
  nearlyUpPosition: z
    .number()
    .int("Use a whole place in line.")
    .min(0, "Use 0 to 50 (0: no message).")
    .max(50, "Use 0 to 50 (0: no message)."),
  /** Also "nearly up" once the estimated wait is this many minutes or less (0: never). */
  nearlyUpMinutes: z
    .number()
    .int("Use whole minutes.")
    .min(0, "Use 0 to 240 minutes (0: by place only).")
    .max(240, "Use 0 to 240 minutes (0: by place only)."),
  /** The wait this service aims at; staff are alerted when the longest wait passes it. */
  targetWaitMinutes: z
    .number()
    .int("Use whole minutes.")
    .min(1, "Use 1 to 1440 minutes, or none.")
    .max(1440, "Use 1 to 1440 minutes, or none.")
    .nullable(),
};

export const createServiceBody = z.strictObject({
  ...editable,
  description: editable.description.optional(),
  code: editable.code.optional(),
  priority: editable.priority.default(0),
  headStartSeconds: editable.headStartSeconds.default(0),
  nearlyUpPosition: editable.nearlyUpPosition.default(3),
  nearlyUpMinutes: editable.nearlyUpMinutes.default(0),
  targetWaitMinutes: editable.targetWaitMinutes.default(null),
  onlineBooking: z.boolean().default(true),
  showOnKiosk: z.boolean().default(true),
  active: z.boolean().default(true),
  branches: assignments.default([]),
});
export type CreateServiceInput = z.infer<typeof createServiceBody>;

export const updateServiceBody = z.strictObject(editable).partial();
export type UpdateServiceInput = z.infer<typeof updateServiceBody>;

export const serviceBranchesBody = z.strictObject({ branches: assignments });
export type Assignment = z.infer<typeof assignment>;

export const listServicesQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

// The answer is a contract with the web: defined once in @equeue/contracts.
export { serviceSchema, type ServiceDto } from "@equeue/contracts/schemas";

export const serviceIdParams = idParams("service");
