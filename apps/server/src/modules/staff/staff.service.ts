import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";
import { AppError, notFound } from "../../shared/app-error";
import { isUniqueViolation } from "../../shared/db-errors";
import { generateOneTimePassword, hashPassword } from "../../shared/passwords";
import { enqueueEmail } from "../outbox";
import { INVITE_VALID_DAYS } from "../provisioning";
import {
  assertBelowCap,
  auditChange,
  inTransaction,
  tablesOf,
  type SetupEnv,
} from "../setup-common";
import { COMPANY_CAPS } from "@equeue/contracts/schemas";
import { branchIdFilter, canReachBranch, isCompanyAdmin } from "../access";
import { resolveAssignment, type Assignment } from "./staff-assignment";
import { staffInviteEmail } from "./staff-invite-email";
import {
  findStaff,
  findStaffIdByEmail,
  insertStaff,
  listStaff,
  listStaffBranchIds,
  listStaffServiceIds,
  replaceStaffBranches,
  replaceStaffServices,
  type StaffFilter,
} from "./staff.repository";
import type { CreateStaffInput, StaffDto } from "./staff.schema";
import { companyUrls } from "../tenancy";

type StaffRow = NonNullable<Awaited<ReturnType<typeof findStaff>>>;

async function toDtos(q: Kysely<Database>, rows: StaffRow[]): Promise<StaffDto[]> {
  const ids = rows.map((r) => r.id);
  const [services, branches] = await Promise.all([
    listStaffServiceIds(q, ids),
    listStaffBranchIds(q, ids),
  ]);
  return rows.map((s) => ({
    id: s.id,
    email: s.email,
    name: s.name,
    role: s.role,
    phone: s.phone,
    active: s.is_active,
    mustChangePassword: s.must_change_password,
    lockedUntil: s.locked_until && s.locked_until > new Date() ? s.locked_until : null,
    lastLoginAt: s.last_login_at,
    branchId: s.branch_id,
    counterId: s.counter_id,
    serviceIds: services.filter((x) => x.staff_id === s.id).map((x) => x.service_id),
    branchIds: branches.filter((x) => x.staff_id === s.id).map((x) => x.branch_id),
    weeklySchedule: s.weekly_schedule as StaffDto["weeklySchedule"],
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  }));
}

export const toStaffDto = async (q: Kysely<Database>, row: StaffRow) =>
  (await toDtos(q, [row]))[0]!;

/** Staff the caller may manage: everyone for an admin, its branches' operators for a manager. */
export async function listVisibleStaff(env: SetupEnv, f: StaffFilter) {
  const q = tablesOf(env);
  const { items, total } = await listStaff(q, f, branchIdFilter(env.caller));
  return { items: await toDtos(q, items), total, page: f.page, pageSize: f.pageSize };
}

/** A staff member the caller may manage, or not-found. */
export async function getStaffRow(env: SetupEnv, id: string): Promise<StaffRow> {
  const row = await findStaff(tablesOf(env), id);
  const visible =
    row &&
    (isCompanyAdmin(env.caller) ||
      (row.role === "OPERATOR" && canReachBranch(env.caller, row.branch_id)));
  if (!row || !visible) throw notFound("The staff member");
  return row;
}

export async function currentAssignment(q: Kysely<Database>, row: StaffRow): Promise<Assignment> {
  const dto = await toStaffDto(q, row);
  return {
    role: row.role,
    branchId: row.branch_id,
    counterId: row.counter_id,
    serviceIds: dto.serviceIds,
    branchIds: dto.branchIds,
  };
}

export const emailTaken = (email: string) =>
  new AppError("ALREADY_EXISTS", `${email} already has an account in this company.`, {
    details: [{ path: "email", code: "taken", message: "This e-mail already has an account." }],
  });

/** A one-time password: returned to show once, or sent as an invite through the outbox. */
export async function issueCredentials(
  env: SetupEnv,
  trx: Kysely<Database>,
  who: { email: string; name: string },
  delivery: "PASSWORD" | "EMAIL",
  password: string,
  reset: boolean,
) {
  const expiresAt = new Date(Date.now() + INVITE_VALID_DAYS * 86_400_000);
  let outboxId: string | null = null;
  if (delivery === "EMAIL") {
    outboxId = await enqueueEmail(trx, {
      to: who.email,
      companyId: env.company.id,
      secret: true,
      ...staffInviteEmail({
        companyName: env.company.name,
        personName: who.name,
        loginUrl: companyUrls(env.ctx, env.company.slug).login,
        email: who.email,
        password,
        validDays: INVITE_VALID_DAYS,
        language: env.company.default_language,
        reset,
      }),
    });
  }
  return { oneTimePassword: delivery === "PASSWORD" ? password : null, outboxId, expiresAt };
}

/** Creates an account with a one-time password that must be changed at first login. */
export async function createStaff(env: SetupEnv, input: CreateStaffInput) {
  await assertBelowCap(env, "staff", COMPANY_CAPS.staff, "staff accounts");
  const assignment = await resolveAssignment(env, input);
  if (await findStaffIdByEmail(tablesOf(env), input.email)) throw emailTaken(input.email);
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  try {
    const { id, credentials } = await inTransaction(env, async (q, trx) => {
      const credentials = await issueCredentials(env, trx, input, input.delivery, password, false);
      const row = await insertStaff(q, {
        email: input.email,
        name: input.name,
        role: assignment.role,
        phone: input.phone ?? null,
        password_hash: passwordHash,
        must_change_password: true,
        password_expires_at: credentials.expiresAt,
        branch_id: assignment.branchId,
        counter_id: assignment.counterId,
        weekly_schedule: JSON.stringify(input.weeklySchedule),
      });
      await replaceStaffServices(q, row.id, assignment.serviceIds);
      await replaceStaffBranches(q, row.id, assignment.branchIds);
      await auditChange(
        trx,
        env,
        "staff.create",
        { type: "staff", id: row.id },
        {
          email: input.email,
          role: assignment.role,
          delivery: input.delivery,
        },
      );
      return { id: row.id, credentials };
    });
    const staff = await toStaffDto(tablesOf(env), await getStaffRow(env, id));
    return { staff, ...credentials };
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email);
    throw err;
  }
}
