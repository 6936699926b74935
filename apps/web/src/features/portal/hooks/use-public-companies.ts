import { useQuery } from "@tanstack/react-query";
import { listPublicCompanies } from "../api/portal.api";

export function usePublicCompanies() {
  return useQuery({ queryKey: ["public", "companies"], queryFn: listPublicCompanies });
}
