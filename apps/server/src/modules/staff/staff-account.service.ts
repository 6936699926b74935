import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";
import { AppError } from "../../shared/app-error";
import { isUniqueViolation } from "../../shared/db-errors";
import { generateOneTimePassword, hashPassword } from "../auth/passwords";
import { companyScope } from "../company-auth/company-auth.routes";
import { auditChange, inTransaction, tablesOf, type SetupEnv } from "../setup-common/setup-env";
import { resolveAssignment } from "./staff-assignment";
import {
  emailTaken,
  currentAssignment,
  getStaffRow,
  issueCredentials,
  toStaffDto,
} from "./staff.service";
import {
  findStaffIdByEmail,
  lockActiveAdmins,
  replaceStaffBranches,
  replaceStaffServices,
  updateStaffRow,
} from "./staff.repository";
import type { UpdateStaffInput } from "./staff.schema";

/** Ends every session of the account, inside the caller's transaction. */
const endSessions = (env: SetupEnv, trx: Kysely<Database>, staffId: string) =>
  env.ctx.refreshTokens.revokeAllForUser(
    { ...companyScope(env.ctx, env.company), db: trx },
    staffId,
  );

/** Refuses to leave the company without an active admin; holds the admins' rows until commit. */
async function assertAnotherAdmin(q: Kysely<Database>, staffId: string) {
  const admins = await lockActiveAdmins(q);
  if (!admins.some((id) => id !== staffId))
    throw new AppError(
      "INVALID_STATE",
      "This is the company's last active administrator; make someone else an administrator first.",
    );
}

const notYourself = (what: string) =>
  new AppError("INVALID_STATE", `You cannot ${what} your own account; ask another administrator.`);

export async function updateStaff(env: SetupEnv, id: string, patch: UpdateStaffInput) {
  const row = await getStaffRow(env, id);
  const q0 = tablesOf(env);
  if (patch.role !== undefined && patch.role !== row.role && id === env.caller.staffId)
    throw notYourself("change the role of");
  const assignment = await resolveAssignment(env, patch, await currentAssignment(q0, row));
  const emailChanged =
    patch.email !== undefined && patch.email.toLowerCase() !== row.email.toLowerCase();
  if (emailChanged) {
    const other = await findStaffIdByEmail(q0, patch.email!);
    if (other && other.id !== id) throw emailTaken(patch.email!);
  }
  const roleChanged = assignment.role !== row.role;
  try {
    await inTransaction(env, async (q, trx) => {
      if (roleChanged && row.role === "COMPANY_ADMIN" && row.is_active)
        await assertAnotherAdmin(q, id);
      await updateStaffRow(q, id, {
        ...(patch.email !== undefined && { email: patch.email }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.phone !== undefined && { phone: patch.phone }),
        ...(patch.weeklySchedule !== undefined && {
          weekly_schedule: JSON.stringify(patch.weeklySchedule),
        }),
        role: assignment.role,
        branch_id: assignment.branchId,
        counter_id: assignment.counterId,
      });
      await replaceStaffServices(q, id, assignment.serviceIds);
      await replaceStaffBranches(q, id, assignment.branchIds);
      // Tokens carry the role and e-mail: make the person log in again after such a change.
      if (roleChanged || emailChanged) await endSessions(env, trx, id);
      await auditChange(
        trx,
        env,
        "staff.update",
        { type: "staff", id },
        {
          changed: Object.keys(patch),
          ...(roleChanged && { role: { from: row.role, to: assignment.role } }),
        },
      );
    });
  } catch (err) {
    if (isUniqueViolation(err) && patch.email) throw emailTaken(patch.email);
    throw err;
  }
  return toStaffDto(q0, await getStaffRow(env, id));
}

/** Deactivates (the person can no longer log in; sessions end now) or reactivates an account. */
export async function setStaffActive(env: SetupEnv, id: string, active: boolean) {
  const row = await getStaffRow(env, id);
  if (!active && id === env.caller.staffId) throw notYourself("deactivate");
  if (row.is_active === active)
    throw new AppError(
      "INVALID_STATE",
      active ? "This account is already active." : "This account is already deactivated.",
    );
  await inTransaction(env, async (q, trx) => {
    if (!active && row.role === "COMPANY_ADMIN") await assertAnotherAdmin(q, id);
    await updateStaffRow(q, id, {
      is_active: active,
      ...(active && { failed_logins: 0, locked_until: null }),
    });
    if (!active) await endSessions(env, trx, id);
    await auditChange(trx, env, active ? "staff.reactivate" : "staff.deactivate", {
      type: "staff",
      id,
    });
  });
  return toStaffDto(tablesOf(env), await getStaffRow(env, id));
}

/** A new one-time password (shown once or e-mailed); the old one and all sessions stop working. */
export async function resetStaffPassword(
  env: SetupEnv,
  id: string,
  delivery: "PASSWORD" | "EMAIL",
) {
  const row = await getStaffRow(env, id);
  if (id === env.caller.staffId)
    throw new AppError(
      "INVALID_STATE",
      "To change your own password, use “Change password” in your profile.",
    );
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(env, async (q, trx) => {
    const credentials = await issueCredentials(env, trx, row, delivery, password, true);
    await updateStaffRow(q, id, {
      password_hash: passwordHash,
      must_change_password: true,
      password_expires_at: credentials.expiresAt,
      password_used_at: null,
      failed_logins: 0,
      locked_until: null,
    });
    await endSessions(env, trx, id);
    await auditChange(trx, env, "staff.password.reset", { type: "staff", id }, { delivery });
    return credentials;
  });
}
