import { getCompanySession } from "../../../lib/auth/sessions";
import type { I18nText, StaffRole } from "./types";

/** The signed-in staff member's own profile (`GET /staff/me`), with the company's branding. */
export type StaffProfile = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  branch: { id: string; slug: string; name: I18nText } | null;
  managedBranches: { id: string; slug: string; name: I18nText }[];
  company: { name: string; slug: string; logoUrl: string | null; primaryColor: string | null };
};

export const getStaffProfile = (slug: string) =>
  getCompanySession(slug).request<StaffProfile>("/staff/me");
