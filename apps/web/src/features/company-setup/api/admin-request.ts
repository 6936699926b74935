import type { RequestOptions } from "../../../lib/api/http";
import { getCompanySession } from "../../../lib/auth/sessions";

/** A request to the company's set-up API (`{companyApi}/admin/…`) with the admin's session. */
export function adminRequest<T>(slug: string, path: string, options?: RequestOptions): Promise<T> {
  return getCompanySession(slug).request<T>(`/admin${path}`, options);
}

export const asItems = <T>(answer: { items: T[] }) => answer.items;
