import { slugify } from "../../../../lib/slugify";
import type { Assignment, I18nPartial, Service, ServiceInput } from "../../api/types";

export type ServiceFormValues = {
  name: I18nPartial;
  description: I18nPartial;
  letter: string;
  code: string;
  durationMinutes: string;
  priority: string;
  headStartMinutes: string;
  /** Place in line at which a customer is told "nearly up" ("0": never by place). */
  nearlyUpPosition: string;
  /** Estimated wait at which a customer is told "nearly up" ("0": never by wait). */
  nearlyUpMinutes: string;
  /** Target wait in minutes; empty: none (no staff alert). */
  targetWaitMinutes: string;
  onlineBooking: boolean;
  showOnKiosk: boolean;
  active: boolean;
  /** Branch id → enabled; a branch not in the map does not offer the service. */
  branches: Record<string, boolean>;
};

export const DURATIONS = [5, 10, 15, 20, 30, 45, 60, 90, 120];

/**
 * The whole-number fields of the queue section, with the bounds the server checks and their
 * texts; the form renders and checks them from this list. An `optional` one may stay empty.
 */
export const QUEUE_NUMBER_FIELDS = [
  {
    key: "priority",
    min: 0,
    max: 10,
    label: "setup.services.priority",
    hint: "setup.services.priorityHint",
    invalid: "setup.services.priorityInvalid",
  },
  {
    key: "headStartMinutes",
    min: 0,
    max: 120,
    label: "setup.services.headStart",
    hint: "setup.services.headStartHint",
    invalid: "setup.services.headStartInvalid",
  },
  {
    key: "nearlyUpPosition",
    min: 0,
    max: 50,
    label: "setup.services.nearlyUpPosition",
    hint: "setup.services.nearlyUpPositionHint",
    invalid: "setup.services.nearlyUpPositionInvalid",
  },
  {
    key: "nearlyUpMinutes",
    min: 0,
    max: 240,
    label: "setup.services.nearlyUpMinutes",
    hint: "setup.services.nearlyUpMinutesHint",
    invalid: "setup.services.nearlyUpMinutesInvalid",
  },
  {
    key: "targetWaitMinutes",
    min: 1,
    max: 1440,
    optional: true,
    label: "setup.services.targetWait",
    hint: "setup.services.targetWaitHint",
    invalid: "setup.services.targetWaitInvalid",
  },
] as const;

export type QueueNumberField = (typeof QUEUE_NUMBER_FIELDS)[number];

/** The queue section's number fields that are out of bounds, each with its message key. */
export function numberFieldErrors(
  v: ServiceFormValues,
): Partial<Record<QueueNumberField["key"], QueueNumberField["invalid"]>> {
  const errors: Partial<Record<QueueNumberField["key"], QueueNumberField["invalid"]>> = {};
  for (const f of QUEUE_NUMBER_FIELDS) {
    const text = v[f.key].trim();
    if (!text && "optional" in f) continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < f.min || n > f.max) errors[f.key] = f.invalid;
  }
  return errors;
}

export function initialServiceValues(service?: Service): ServiceFormValues {
  return {
    name: { ...(service?.name ?? { uz: "" }) },
    description: { ...(service?.description ?? {}) },
    letter: service?.letter ?? "",
    code: service?.code ?? "",
    durationMinutes: String(service?.durationMinutes ?? 15),
    priority: String(service?.priority ?? 0),
    headStartMinutes: String(Math.round((service?.headStartSeconds ?? 0) / 60)),
    nearlyUpPosition: String(service?.nearlyUpPosition ?? 3),
    nearlyUpMinutes: String(service?.nearlyUpMinutes ?? 0),
    targetWaitMinutes:
      service?.targetWaitMinutes === null || service?.targetWaitMinutes === undefined
        ? ""
        : String(service.targetWaitMinutes),
    onlineBooking: service?.onlineBooking ?? true,
    showOnKiosk: service?.showOnKiosk ?? true,
    active: service?.active ?? true,
    branches: Object.fromEntries((service?.branches ?? []).map((b) => [b.branchId, b.enabled])),
  };
}

/** A ticket letter for a new service that no other service uses: "K", else "KR", "KA"… */
export function suggestLetter(name: string, taken: Set<string>): string {
  const letters = slugify(name)
    .replace(/[^a-z]/g, "")
    .toUpperCase();
  if (!letters) return "";
  const first = letters.charAt(0);
  if (!taken.has(first)) return first;
  for (const second of letters.slice(1)) {
    if (!taken.has(first + second)) return first + second;
  }
  return first;
}

const trimmed = (t: I18nPartial): I18nPartial =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v ?? "").trim()]));

export function toServiceInput(v: ServiceFormValues): ServiceInput {
  const name = trimmed(v.name);
  return {
    name: { ...name, uz: name.uz ?? "" },
    description: trimmed(v.description),
    letter: v.letter.trim().toUpperCase(),
    ...(v.code.trim() ? { code: v.code.trim().toUpperCase() } : {}),
    durationMinutes: Number(v.durationMinutes),
    priority: Number(v.priority),
    headStartSeconds: Math.round(Number(v.headStartMinutes) * 60),
    nearlyUpPosition: Number(v.nearlyUpPosition),
    nearlyUpMinutes: Number(v.nearlyUpMinutes),
    targetWaitMinutes: v.targetWaitMinutes.trim() ? Number(v.targetWaitMinutes) : null,
    onlineBooking: v.onlineBooking,
    showOnKiosk: v.showOnKiosk,
    active: v.active,
  };
}

export const toAssignments = (v: ServiceFormValues): Assignment[] =>
  Object.entries(v.branches).map(([branchId, enabled]) => ({ branchId, enabled }));

/** Form field of a server path. */
export const serviceFieldOf = (path: string) =>
  path === "headStartSeconds"
    ? "headStartMinutes"
    : path.startsWith("branches")
      ? "branches"
      : path;
