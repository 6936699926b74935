import type { Delivery, Staff, StaffInput, StaffRole, WeeklyHours } from "../../api/types";
import { fromDraft, toDraft, type WeekDraft } from "../weekly-hours/week-draft";

export type StaffFormValues = {
  role: StaffRole;
  email: string;
  name: string;
  phone: string;
  branchId: string;
  counterId: string;
  serviceIds: string[];
  branchIds: string[];
  schedule: WeekDraft;
  delivery: Delivery;
};

export function initialStaffValues(staff?: Staff, role: StaffRole = "OPERATOR"): StaffFormValues {
  return {
    role: staff?.role ?? role,
    email: staff?.email ?? "",
    name: staff?.name ?? "",
    phone: staff?.phone ?? "",
    branchId: staff?.branchId ?? "",
    counterId: staff?.counterId ?? "",
    serviceIds: staff?.serviceIds ?? [],
    branchIds: staff?.branchIds ?? [],
    schedule: toDraft(staff?.weeklySchedule ?? {}),
    delivery: "PASSWORD",
  };
}

/** A schedule that follows the branch's hours until someone edits it. */
export const scheduleFromBranch = (hours: WeeklyHours): WeekDraft => toDraft(hours);

/** The request body: role-specific fields only for the role that has them. */
export function toStaffInput(v: StaffFormValues): StaffInput {
  const operator = v.role === "OPERATOR";
  return {
    role: v.role,
    email: v.email.trim(),
    name: v.name.trim(),
    phone: v.phone.trim() || null,
    branchId: operator ? v.branchId || null : null,
    counterId: operator ? v.counterId || null : null,
    serviceIds: operator ? v.serviceIds : [],
    branchIds: v.role === "BRANCH_MANAGER" ? v.branchIds : [],
    weeklySchedule: operator ? fromDraft(v.schedule) : {},
  };
}
