import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getBranding, getOverview, requestActivation, setPrimaryColor } from "../api/overview.api";
import { getStaffProfile } from "../api/profile.api";
import { setupKeys } from "./setup-keys";

export function useOverview(slug: string) {
  return useQuery({ queryKey: setupKeys.overview(slug), queryFn: () => getOverview(slug) });
}

export function useRequestActivation(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestActivation(slug),
    onSuccess: () => client.invalidateQueries({ queryKey: setupKeys.overview(slug) }),
  });
}

/** The company's name, logo and colour, as the admin panel shows them. */
export function useBranding(slug: string, enabled = true) {
  return useQuery({
    queryKey: setupKeys.branding(slug),
    queryFn: () => getBranding(slug),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useSetPrimaryColor(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (color: string | null) => setPrimaryColor(slug, color),
    onSuccess: (branding) => {
      client.setQueryData(setupKeys.branding(slug), branding);
      void client.invalidateQueries({ queryKey: ["company", slug, "staff-me"] });
    },
  });
}

/** Who is signed in and the company's branding; any staff role may read it. */
export function useStaffProfile(slug: string, enabled = true) {
  return useQuery({
    queryKey: ["company", slug, "staff-me"],
    queryFn: () => getStaffProfile(slug),
    staleTime: 60_000,
    enabled,
  });
}
