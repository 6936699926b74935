import { sql, type Transaction } from "kysely";
import type { Db } from "../../db/database";
import type { Migration } from "../../db/migrations/migration";
import type { Database, ProvisioningStep } from "../../db/tables";
import { migrateCompanySchema } from "../../db/migrator";
import { AppError, invalidField } from "../../shared/app-error";
import type { Actor } from "../../shared/actor";
import { recordAudit } from "../audit";
import { generateOneTimePassword, hashPassword } from "../../shared/passwords";
import { RESERVED_SLUGS, type CreateCompanyInput } from "./company-input.schema";
import { assertLogoExists } from "../logos";
import { enqueueEmail } from "../outbox";
import { companyUrls, type CompanyDirectory, type PlatformAddress } from "../tenancy";
import { inviteEmail } from "./invite-email";

/** What provisioning needs from the running platform (the app context has it). */
export type ProvisionDeps = PlatformAddress & {
  db: Db;
  companyMigrations: Migration[];
  directory: CompanyDirectory;
};

export const INVITE_VALID_DAYS = 7;

/** Schema names come from the immutable slug; dashes are not valid in bare identifiers. */
export const schemaNameFor = (slug: string) => `t_${slug.replace(/-/g, "_")}`;

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === "23505";

const slugTaken = () =>
  invalidField(
    "slug",
    "This address is already used by another company; choose another.",
    "SLUG_TAKEN",
  );

/**
 * Creates a company with no human step in between: registry row, schema, migrations, branding,
 * default admin with a one-time password, and the invite e-mail in the outbox. It all happens in
 * one transaction (Postgres DDL is transactional), so a failure leaves nothing half-made; the
 * attempt is recorded so the super admin can see the failed step and retry.
 */
export async function provisionCompany(
  ctx: ProvisionDeps,
  input: CreateCompanyInput,
  actor: Actor,
): Promise<{ companyId: string }> {
  if (RESERVED_SLUGS.has(input.slug)) {
    throw invalidField(
      "slug",
      "This address is reserved by the platform; choose another.",
      "SLUG_RESERVED",
    );
  }
  await assertLogoExists(ctx.db, input.logoId);
  const exists = await ctx.db
    .selectFrom("platform.companies")
    .select("id")
    .where("slug", "=", input.slug)
    .executeTakeFirst();
  if (exists) throw slugTaken();

  const steps: ProvisioningStep[] = [];
  let current = "registry";
  const step = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    current = key;
    const started = performance.now();
    const result = await work();
    steps.push({ key, status: "done", ms: Math.round((performance.now() - started) * 10) / 10 });
    return result;
  };

  const schema = schemaNameFor(input.slug);
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  try {
    const companyId = await ctx.db.transaction().execute(async (trx) => {
      const id = await step("registry", () => insertCompany(trx, input, schema));
      const version = await step("schema", async () => {
        await migrateCompanySchema(trx, schema, { create: true, migrations: [] });
        return 0;
      });
      const migrated = await step("migrate", () =>
        migrateCompanySchema(trx, schema, { migrations: ctx.companyMigrations }),
      );
      await step("branding", () =>
        trx
          .withSchema(schema)
          .insertInto("branding")
          .values({ id: 1, name: input.name, logo_id: input.logoId ?? null })
          .execute(),
      );
      await step("admin", () =>
        trx
          .withSchema(schema)
          .insertInto("staff")
          .values({
            email: input.adminEmail,
            name: "Administrator",
            role: "COMPANY_ADMIN",
            password_hash: passwordHash,
            must_change_password: true,
            password_expires_at: new Date(Date.now() + INVITE_VALID_DAYS * 86_400_000),
          })
          .execute(),
      );
      await step("invite", () =>
        enqueueEmail(trx, {
          to: input.adminEmail,
          companyId: id,
          secret: true,
          ...inviteEmail({
            companyName: input.name,
            loginUrl: companyUrls(ctx, input.slug).login,
            email: input.adminEmail,
            password,
            validDays: INVITE_VALID_DAYS,
            language: input.defaultLanguage,
          }),
        }),
      );
      await trx
        .updateTable("platform.companies")
        .set({ schema_version: Math.max(version, migrated), provisioning: JSON.stringify(steps) })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, actor, {
        action: "company.create",
        companyId: id,
        targetType: "company",
        targetId: id,
        details: { slug: input.slug, name: input.name, adminEmail: input.adminEmail },
      });
      return id;
    });
    ctx.directory.invalidate(input.slug);
    await ctx.db
      .updateTable("platform.provisioning_failures")
      .set({ resolved_at: new Date(), company_id: companyId })
      .where("slug", "=", input.slug)
      .where("resolved_at", "is", null)
      .execute();
    return { companyId };
  } catch (err) {
    if (isUniqueViolation(err) && current === "registry") throw slugTaken();
    const message = err instanceof Error ? err.message : String(err);
    steps.push({ key: current, status: "failed", ms: 0, error: message.slice(0, 500) });
    await recordFailure(ctx, input, current, message, steps, actor);
    throw new AppError(
      "PROVISIONING_FAILED",
      `Creating the company failed at the "${current}" step and was rolled back; nothing was left behind. Retry it from the failed attempts list.`,
      { cause: err, details: [{ path: current, message: message.slice(0, 300) }] },
    );
  }
}

async function insertCompany(
  trx: Transaction<Database>,
  input: CreateCompanyInput,
  schema: string,
) {
  const row = await trx
    .insertInto("platform.companies")
    .values({
      slug: input.slug,
      schema_name: schema,
      name: input.name,
      status: "INACTIVE",
      admin_email: input.adminEmail,
      phone: input.phone ?? null,
      address: input.address ?? null,
      description: input.description ? JSON.stringify(input.description) : null,
      default_language: input.defaultLanguage,
      logo_id: input.logoId ?? null,
      migration_error: null,
      provisioning: "[]",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function recordFailure(
  ctx: ProvisionDeps,
  input: CreateCompanyInput,
  failedStep: string,
  error: string,
  steps: ProvisioningStep[],
  actor: Actor,
) {
  const open = await ctx.db
    .selectFrom("platform.provisioning_failures")
    .select("id")
    .where("slug", "=", input.slug)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  const values = {
    input: JSON.stringify(input),
    failed_step: failedStep,
    error: error.slice(0, 2000),
    steps: JSON.stringify(steps),
  };
  if (open) {
    await ctx.db
      .updateTable("platform.provisioning_failures")
      .set({ ...values, attempts: sql`attempts + 1` })
      .where("id", "=", open.id)
      .execute();
  } else {
    await ctx.db
      .insertInto("platform.provisioning_failures")
      .values({ ...values, slug: input.slug, actor_id: actor.id })
      .execute();
  }
  await recordAudit(ctx.db, actor, {
    action: "company.create.failed",
    targetType: "company",
    details: { slug: input.slug, failedStep, error: error.slice(0, 300) },
  });
}
