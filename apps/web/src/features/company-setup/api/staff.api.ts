import { toQuery } from "../../../lib/api/http";
import type { Page } from "../../../lib/api/types";
import { adminRequest } from "./admin-request";
import type {
  Credentials,
  Delivery,
  Staff,
  StaffBookingsCheck,
  StaffChange,
  StaffInput,
  StaffRole,
} from "./types";

export type StaffListParams = {
  search?: string;
  role?: StaffRole;
  branchId?: string;
  page?: number;
  pageSize?: number;
};

export const listStaff = (slug: string, params: StaffListParams = {}) =>
  adminRequest<Page<Staff>>(slug, `/staff${toQuery(params)}`);

export const getStaff = (slug: string, id: string) => adminRequest<Staff>(slug, `/staff/${id}`);

export const createStaff = (slug: string, body: StaffInput & { delivery: Delivery }) =>
  adminRequest<Credentials & { staff: Staff }>(slug, "/staff", { method: "POST", body });

export const updateStaff = (slug: string, id: string, body: Partial<StaffInput>) =>
  adminRequest<Staff>(slug, `/staff/${id}`, { method: "PATCH", body });

/** The booked times `change` would leave short of operators (nothing is saved). */
export const checkStaffBookings = (slug: string, id: string, change: StaffChange) =>
  adminRequest<StaffBookingsCheck>(slug, `/staff/${id}/bookings-check`, {
    method: "POST",
    body: change,
  });

export const setStaffActive = (slug: string, id: string, active: boolean) =>
  adminRequest<Staff>(slug, `/staff/${id}/${active ? "reactivate" : "deactivate"}`, {
    method: "POST",
  });

export const resetStaffPassword = (slug: string, id: string, delivery: Delivery) =>
  adminRequest<Credentials>(slug, `/staff/${id}/reset-password`, {
    method: "POST",
    body: { delivery },
  });
