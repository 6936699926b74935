/** Where a staff member lands after login: operators at their counter, others in the admin panel. */
export function staffHome(base: string, role: string | undefined): string {
  return role === "OPERATOR" ? `${base}/operator` : `${base}/admin`;
}
