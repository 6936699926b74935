import type { AuditAction } from "@equeue/contracts";
import type { Insertable, Kysely } from "kysely";
import type { AuditLogTable, Database } from "../../db/tables";
import type { Actor } from "../../shared/actor";

export type AuditInput = {
  action: AuditAction;
  companyId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/** Appends one audit entry; call it inside the transaction of the change it records. */
export async function recordAudit(db: Kysely<Database>, actor: Actor, input: AuditInput) {
  const row: Insertable<AuditLogTable> = {
    actor_type: actor.type,
    actor_id: actor.id,
    actor_email: actor.email,
    company_id: input.companyId ?? actor.companyId ?? null,
    action: input.action,
    target_type: input.targetType ?? null,
    target_id: input.targetId ?? null,
    details: JSON.stringify(input.details ?? {}),
    ip: actor.ip,
    request_id: actor.requestId,
  };
  await db.insertInto("platform.audit_log").values(row).execute();
}

export type AuditQuery = {
  companyId?: string | undefined;
  action?: string | undefined;
  page: number;
  pageSize: number;
};

/** Newest first, filtered by company and by action prefix. */
export async function listAudit(db: Kysely<Database>, q: AuditQuery) {
  let base = db
    .selectFrom("platform.audit_log as a")
    .leftJoin("platform.companies as c", "c.id", "a.company_id");
  if (q.companyId) base = base.where("a.company_id", "=", q.companyId);
  if (q.action) base = base.where("a.action", "ilike", `%${q.action.replace(/[%_\\]/g, "\\$&")}%`);
  const [{ total }] = (await base
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .execute()) as [{ total: number }];
  const items = await base
    .select([
      "a.id",
      "a.at",
      "a.actor_type",
      "a.actor_email",
      "a.company_id",
      "c.slug as company_slug",
      "a.action",
      "a.target_type",
      "a.target_id",
      "a.details",
      "a.ip",
      "a.request_id",
    ])
    .orderBy("a.id", "desc")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number(total) };
}
