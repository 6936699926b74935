import { toQuery } from "../../../lib/api/http";
import type { Page } from "../../../lib/api/types";
import { platformSession } from "../../../lib/auth/sessions";

export type AuditEntry = {
  id: number;
  at: string;
  actorType: string;
  actorEmail: string | null;
  companyId: string | null;
  companySlug: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
};

export type AuditParams = { action: string; companyId: string; page: number };

export const listAudit = (p: AuditParams) =>
  platformSession.request<Page<AuditEntry>>(`/audit${toQuery(p)}`);
