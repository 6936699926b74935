import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/database";
import { generateOneTimePassword, hashPassword } from "../../shared/passwords";

/**
 * On first start, creates the super admin from SUPER_ADMIN_EMAIL / SUPER_ADMIN_PASSWORD, or
 * with a generated password printed once. Later starts leave existing accounts alone.
 */
export async function ensureSuperAdmin(
  db: Db,
  opts: { email: string; password?: string | undefined },
  log: FastifyBaseLogger,
): Promise<{ created: boolean; email: string; generatedPassword?: string }> {
  const any = await db.selectFrom("platform.super_admins").select("id").limit(1).executeTakeFirst();
  if (any) return { created: false, email: opts.email };
  const password = opts.password ?? generateOneTimePassword(16);
  await db
    .insertInto("platform.super_admins")
    .values({ email: opts.email, name: "Super Admin", password_hash: await hashPassword(password) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  log.info({ email: opts.email }, "super admin created");
  return opts.password
    ? { created: true, email: opts.email }
    : { created: true, email: opts.email, generatedPassword: password };
}
