import type { AuditEntryDto, Wire } from "@equeue/contracts";
import { toQuery } from "../../../lib/api/http";
import type { Page } from "../../../lib/api/types";
import { platformSession } from "../../../lib/auth/sessions";

export type AuditEntry = Wire<AuditEntryDto>;

export type AuditParams = { action: string; companyId: string; page: number };

export const listAudit = (p: AuditParams) =>
  platformSession.request<Page<AuditEntry>>(`/audit${toQuery(p)}`);
