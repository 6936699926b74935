import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import {
  fetchBranchPage,
  fetchCompanyPage,
  joinQueue,
  listPublicCompanies,
} from "../api/portal.api";

const keys = {
  companies: (search: string) => ["portal", "companies", search] as const,
  company: (slug: string) => ["portal", "company", slug] as const,
  branch: (slug: string, branch: string) => ["portal", "branch", slug, branch] as const,
};

/** The public directory, searched; the previous list stays while the next one loads. */
export function usePublicCompanies(search: string) {
  return useQuery({
    queryKey: keys.companies(search),
    queryFn: ({ signal }) => listPublicCompanies(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCompanyPage(slug: string) {
  return useQuery({
    queryKey: keys.company(slug),
    queryFn: ({ signal }) => fetchCompanyPage(slug, signal),
    retry: false,
  });
}

/** A branch's lines; refreshed every 30 s so the waits a customer compares stay current. */
export function useBranchPage(slug: string, branchSlug: string) {
  return useQuery({
    queryKey: keys.branch(slug, branchSlug),
    queryFn: ({ signal }) => fetchBranchPage(slug, branchSlug, signal),
    refetchInterval: 30_000,
    retry: false,
  });
}

export function useJoinQueue(slug: string) {
  return useMutation({
    mutationFn: (body: Parameters<typeof joinQueue>[1]) => joinQueue(slug, body),
  });
}
