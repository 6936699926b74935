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
