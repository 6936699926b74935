import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listAudit, type AuditParams } from "../api/audit.api";

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: ["platform", "audit", params],
    queryFn: () => listAudit(params),
    placeholderData: keepPreviousData,
  });
}
