import type { StaffProfileDto, Wire } from "@equeue/contracts";
import { getCompanySession } from "../../../lib/auth/sessions";

/** The signed-in staff member's own profile (`GET /staff/me`), with the company's branding. */
export type StaffProfile = Wire<StaffProfileDto>;

export const getStaffProfile = (slug: string) =>
  getCompanySession(slug).request<StaffProfile>("/staff/me");
