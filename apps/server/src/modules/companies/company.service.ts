import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import type { AppContext } from "../../app-context";
import type { CompanyStatus } from "../../db/tables";
import { quoteIdent } from "../../db/migrator";
import { AppError, invalidField, notFound } from "../../shared/app-error";
import type { Actor } from "../../shared/actor";
import { recordAudit } from "../audit";
import { generateOneTimePassword, hashPassword } from "../../shared/passwords";
import { assertLogoExists } from "../logos";
import { enqueueEmail } from "../outbox";
import { inviteEmail } from "../provisioning";
import { INVITE_VALID_DAYS, provisionCompany } from "../provisioning";
import { companyDb, type CompanyRecord } from "../tenancy";
import { companyUrls } from "../tenancy";
import { endCompanySessions } from "./company-sessions";
import { findCompanyById } from "./company.repository";
import type { CreateCompanyInput } from "../provisioning";
import type { UpdateCompanyInput } from "./company.schema";

const companyNotFound = () => notFound("The company");

/** Reads a company or answers not-found. */
export async function getCompany(ctx: AppContext, id: string): Promise<CompanyRecord> {
  const company = await findCompanyById(ctx.db, id);
  if (!company) throw companyNotFound();
  return company;
}

/** Edits a company's details; the slug never changes. */
export async function updateCompany(
  ctx: AppContext,
  id: string,
  patch: UpdateCompanyInput,
  actor: Actor,
) {
  const company = await getCompany(ctx, id);
  if (patch.slug !== undefined && patch.slug !== company.slug) {
    throw invalidField(
      "slug",
      "The address (slug) cannot be changed after creation.",
      "SLUG_IMMUTABLE",
    );
  }
  await assertLogoExists(ctx.db, patch.logoId);
  const set = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.adminEmail !== undefined && { admin_email: patch.adminEmail }),
    ...(patch.phone !== undefined && { phone: patch.phone }),
    ...(patch.address !== undefined && { address: patch.address }),
    ...(patch.description !== undefined && {
      description: patch.description ? JSON.stringify(patch.description) : null,
    }),
    ...(patch.defaultLanguage !== undefined && { default_language: patch.defaultLanguage }),
    ...(patch.logoId !== undefined && { logo_id: patch.logoId }),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("platform.companies")
      .set({ ...set, updated_at: new Date() })
      .where("id", "=", id)
      .execute();
    if (patch.name !== undefined || patch.logoId !== undefined) {
      await companyDb(trx, company)
        .updateTable("branding")
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.logoId !== undefined && { logo_id: patch.logoId }),
          updated_at: new Date(),
        })
        .where("id", "=", 1)
        .execute();
    }
    await recordAudit(trx, actor, {
      action: "company.update",
      companyId: id,
      targetType: "company",
      targetId: id,
      details: { changed: Object.keys(set) },
    });
  });
  ctx.directory.invalidate(company.slug);
  ctx.notificationTexts.invalidate(id);
  return getCompany(ctx, id);
}

type StatusRule = {
  from: CompanyStatus[];
  to: CompanyStatus;
  stamp?: "activated_at" | "suspended_at" | "deleted_at";
  /** Out of service: every session of the company ends (see endCompanySessions). */
  endsSessions?: boolean;
};

// `satisfies`, not a Record annotation: the keys stay literal, so `company.${action}` is a
// known audit action.
const transitions = {
  activate: { from: ["INACTIVE", "SUSPENDED"], to: "ACTIVE", stamp: "activated_at" },
  suspend: {
    from: ["ACTIVE", "INACTIVE"],
    to: "SUSPENDED",
    stamp: "suspended_at",
    endsSessions: true,
  },
  delete: {
    from: ["INACTIVE", "ACTIVE", "SUSPENDED"],
    to: "DELETED",
    stamp: "deleted_at",
    endsSessions: true,
  },
  restore: { from: ["DELETED"], to: "INACTIVE" },
} satisfies Record<string, StatusRule>;

export type StatusAction = keyof typeof transitions;

/** Activate, suspend, soft-delete or restore; other moves are refused with the reason. */
export async function changeCompanyStatus(
  ctx: AppContext,
  id: string,
  action: StatusAction,
  actor: Actor,
) {
  const rule: StatusRule = transitions[action];
  const company = await getCompany(ctx, id);
  if (!rule.from.includes(company.status)) {
    throw new AppError(
      "INVALID_STATE",
      `A company that is ${company.status} cannot be ${action === "delete" ? "deleted" : `${action}d`}.`,
    );
  }
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("platform.companies")
      .set({
        status: rule.to,
        updated_at: now,
        ...(rule.stamp && { [rule.stamp]: now }),
      })
      .where("id", "=", id)
      .where("status", "in", rule.from)
      .executeTakeFirst();
    if (!updated.numUpdatedRows)
      throw new AppError("INVALID_STATE", "The company changed meanwhile; reload and try again.");
    const ended = rule.endsSessions ? await endCompanySessions(trx, company, now) : undefined;
    await recordAudit(trx, actor, {
      action: `company.${action}`,
      companyId: id,
      targetType: "company",
      targetId: id,
      details: { from: company.status, to: rule.to, ...(ended && { sessionsEnded: ended }) },
    });
  });
  // Other nodes see the new status (and cut-off) within the directory's cache time (5 s); their
  // sockets are reached through the Redis adapter.
  ctx.directory.invalidate(company.slug);
  if (rule.endsSessions) {
    ctx.realtime.devicesRevoked(id);
    ctx.realtime.disconnectCompany(id);
  }
  return getCompany(ctx, id);
}

/** Sends the default admin a fresh one-time password, while the first password is still pending. */
export async function resendInvite(
  ctx: AppContext,
  id: string,
  actor: Actor,
): Promise<{ outboxId: string }> {
  const company = await getCompany(ctx, id);
  if (company.status === "DELETED")
    throw new AppError("INVALID_STATE", "Restore the company before sending an invite.");
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const admin = await companyDb(trx, company)
      .updateTable("staff")
      .set({
        password_hash: passwordHash,
        password_expires_at: new Date(Date.now() + INVITE_VALID_DAYS * 86_400_000),
        password_used_at: null,
        failed_logins: 0,
        locked_until: null,
        updated_at: new Date(),
      })
      .where("role", "=", "COMPANY_ADMIN")
      .where("must_change_password", "=", true)
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", company.admin_email.toLowerCase()))
      .returning("email")
      .executeTakeFirst();
    if (!admin) {
      throw new AppError(
        "INVITE_NOT_PENDING",
        "The company admin has already set a password; they can reset it from their own panel.",
      );
    }
    const outboxId = await enqueueEmail(trx, {
      to: admin.email,
      companyId: company.id,
      secret: true,
      ...inviteEmail({
        companyName: company.name,
        loginUrl: companyUrls(ctx, company.slug).login,
        email: admin.email,
        password,
        validDays: INVITE_VALID_DAYS,
        language: company.default_language,
      }),
    });
    await recordAudit(trx, actor, {
      action: "company.invite.resend",
      companyId: id,
      targetType: "company",
      targetId: id,
    });
    return { outboxId };
  });
}

/** A JSON snapshot of every table of the company's schema (secrets left out). */
export async function exportCompany(ctx: AppContext, id: string) {
  const company = await getCompany(ctx, id);
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = ${company.schema_name} and table_type = 'BASE TABLE' order by table_name`.execute(
    ctx.db,
  );
  const data: Record<string, unknown[]> = {};
  for (const { table_name } of tables.rows) {
    if (table_name === "refresh_tokens") continue;
    const rows = await sql<
      Record<string, unknown>
    >`select * from ${sql.raw(`${quoteIdent(company.schema_name)}.${quoteIdent(table_name)}`)}`.execute(
      ctx.db,
    );
    data[table_name] = rows.rows.map(({ password_hash: _omit, ...rest }) => rest);
  }
  return {
    exportedAt: new Date().toISOString(),
    company: { ...company, provisioning: undefined },
    tables: data,
  };
}

/** Hard delete of a soft-deleted company: export to DATA_DIR/exports, then drop its schema. */
export async function purgeCompany(ctx: AppContext, id: string, actor: Actor) {
  const company = await getCompany(ctx, id);
  if (company.status !== "DELETED") {
    throw new AppError(
      "INVALID_STATE",
      "Delete the company first; only a deleted company can be removed permanently.",
    );
  }
  const snapshot = await exportCompany(ctx, id);
  const dir = path.resolve(ctx.config.DATA_DIR, "exports");
  await fs.mkdir(dir, { recursive: true });
  const exportFile = path.join(
    dir,
    `${company.slug}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
  );
  await fs.writeFile(exportFile, JSON.stringify(snapshot, null, 2));
  await ctx.db.transaction().execute(async (trx) => {
    await sql.raw(`drop schema if exists ${quoteIdent(company.schema_name)} cascade`).execute(trx);
    await trx.deleteFrom("platform.companies").where("id", "=", id).execute();
    await recordAudit(trx, actor, {
      action: "company.purge",
      companyId: null,
      targetType: "company",
      targetId: id,
      details: { slug: company.slug, exportFile: path.basename(exportFile) },
    });
  });
  ctx.directory.invalidate(company.slug);
  return { exportFile: path.basename(exportFile) };
}

/** Failed create attempts that have not been retried successfully yet. */
export const listProvisioningFailures = (ctx: AppContext) =>
  ctx.db
    .selectFrom("platform.provisioning_failures")
    .selectAll()
    .where("resolved_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(100)
    .execute();

/** Runs a failed create again with the input it was given. */
export async function retryProvisioning(ctx: AppContext, failureId: string, actor: Actor) {
  const failure = await ctx.db
    .selectFrom("platform.provisioning_failures")
    .selectAll()
    .where("id", "=", failureId)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  if (!failure) throw notFound("The failed attempt");
  const input = failure.input as CreateCompanyInput;
  return provisionCompany(ctx, input, actor);
}
