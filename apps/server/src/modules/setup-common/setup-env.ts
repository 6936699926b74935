import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { AppContext } from "../../app-context";
import type { AuditAction } from "@equeue/contracts";
import type { Database } from "../../db/tables";
import { actorOf, type Actor } from "../../shared/actor";
import { AppError } from "../../shared/app-error";
import { recordAudit } from "../audit";
import { companyDb, type CompanyRecord } from "../tenancy";
import { staffOf, type StaffCaller } from "../access";

/** Everything a set-up service needs about one call: the company, who calls, what they may reach. */
export type SetupEnv = {
  ctx: AppContext;
  company: CompanyRecord;
  caller: StaffCaller;
  actor: Actor;
};

/** The env of a request that passed the `staffCaller` hook. */
export function setupEnv(ctx: AppContext, request: FastifyRequest): SetupEnv {
  if (!request.company) throw new Error("setupEnv needs the company realm");
  return { ctx, company: request.company, caller: staffOf(request), actor: actorOf(request) };
}

/** The company's tables, outside a transaction. */
export const tablesOf = (env: SetupEnv) => companyDb(env.ctx.db, env.company);

/**
 * Refuses to add one more `table` row beyond what a company may have (COMPANY_CAPS), so every
 * list of them stays bounded; `what` names them for the admin ("branches").
 */
export async function assertBelowCap(
  env: SetupEnv,
  table: "branches" | "services" | "devices" | "staff",
  cap: number,
  what: string,
): Promise<void> {
  const { n } = await tablesOf(env)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(n) >= cap) {
    throw new AppError("INVALID_STATE", `A company may have at most ${cap} ${what}.`);
  }
}

/**
 * Runs `work` in one transaction: `q` reaches the company's tables, `trx` the platform's (audit,
 * outbox). Nothing is half-written when any step fails.
 */
export const inTransaction = <T>(
  env: SetupEnv,
  work: (q: Kysely<Database>, trx: Kysely<Database>) => Promise<T>,
): Promise<T> => env.ctx.db.transaction().execute((trx) => work(companyDb(trx, env.company), trx));

/** Records an admin change in the audit log; call it inside the change's transaction. */
export const auditChange = (
  trx: Kysely<Database>,
  env: SetupEnv,
  action: AuditAction,
  target: { type: string; id: string },
  details: Record<string, unknown> = {},
) =>
  recordAudit(trx, env.actor, {
    action,
    companyId: env.company.id,
    targetType: target.type,
    targetId: target.id,
    details,
  });
