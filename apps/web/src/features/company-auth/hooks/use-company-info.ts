import { useQuery } from "@tanstack/react-query";
import { isApiError } from "../../../lib/api/api-error";
import { getCompanyInfo } from "../api/company-auth.api";

export function useCompanyInfo(slug: string) {
  return useQuery({
    queryKey: ["company", slug, "info"],
    queryFn: () => getCompanyInfo(slug),
    staleTime: 5 * 60_000,
    // 404 and 403 are answers, not glitches: do not retry them.
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });
}
