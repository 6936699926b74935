import type { AuditAction, AuditActorType } from "@equeue/contracts";

/** Labels of the audit log in one language; typed by the server's own lists, so none is missed. */
export type AuditLabels = {
  action: Record<AuditAction, string>;
  actor: Record<AuditActorType, string>;
  /** What an entry is about (its target type, and the first part of an action code). */
  target: Record<string, string>;
};
