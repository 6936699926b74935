import { CHECKLIST_KEYS, COMPANY_STATUSES } from "@equeue/contracts";
import { z } from "zod";

export const checklistItemSchema = z.object({
  key: z.enum(CHECKLIST_KEYS),
  done: z.boolean(),
  /** Required before the company can be marked ready; the others are advice. */
  required: z.boolean(),
  message: z.string(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const overviewSchema = z.object({
  status: z.enum(COMPANY_STATUSES),
  readyRequestedAt: z.date().nullable(),
  activatedAt: z.date().nullable(),
  counts: z.object({
    branches: z.number(),
    openBranches: z.number(),
    services: z.number(),
    activeServices: z.number(),
    counters: z.number(),
    operators: z.number(),
    pairedDevices: z.number(),
  }),
  checklist: z.array(checklistItemSchema),
  canRequestActivation: z.boolean(),
});

export const readySchema = z.object({ readyRequestedAt: z.date() });

export const brandingSchema = z.object({
  name: z.string(),
  logoUrl: z.string().nullable(),
  primaryColor: z.string().nullable(),
});

export const brandingBody = z.strictObject({
  primaryColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour like #0A6ED1.")
    .transform((c) => c.toUpperCase())
    .nullable(),
});
