import type { Kysely, Selectable, Updateable } from "kysely";
import type { Database, ServicesTable } from "../../db/tables";
import {
  AppError,
  invalidField,
  notFound,
  type DetailInput,
  unknownReference,
} from "../../shared/app-error";
import { isUniqueViolation } from "../../shared/db-errors";
import {
  assertBelowCap,
  auditChange,
  inTransaction,
  tablesOf,
  type SetupEnv,
} from "../setup-common";
import { COMPANY_CAPS } from "@equeue/contracts/schemas";
import { canReachBranch } from "../access";
import {
  codesLike,
  countServiceTickets,
  deleteServiceRow,
  findExistingBranchIds,
  findService,
  findServiceClash,
  insertService,
  listAssignments,
  listServices,
  pruneServiceOperators,
  replaceServiceBranches,
  updateServiceRow,
} from "./service.repository";
import type {
  Assignment,
  CreateServiceInput,
  ServiceDto,
  UpdateServiceInput,
} from "./service.schema";

type ServiceRow = Selectable<ServicesTable>;

/** The API's view of a service, with the branches the caller may see. */
function toServiceDto(
  env: SetupEnv,
  s: ServiceRow,
  assigned: { service_id: string; branch_id: string; enabled: boolean; bookings: number | null }[],
): ServiceDto {
  return {
    id: s.id,
    code: s.code,
    letter: s.letter,
    name: s.name,
    description: s.description,
    durationMinutes: s.duration_minutes,
    priority: s.priority,
    headStartSeconds: s.head_start_seconds,
    nearlyUpPosition: s.nearly_up_position,
    nearlyUpMinutes: s.nearly_up_minutes,
    targetWaitMinutes: s.target_wait_minutes,
    onlineBooking: s.online_booking,
    showOnKiosk: s.show_on_kiosk,
    active: s.is_active,
    branches: assigned
      .filter((a) => a.service_id === s.id && canReachBranch(env.caller, a.branch_id))
      .map((a) => ({ branchId: a.branch_id, enabled: a.enabled, bookings: a.bookings ?? 0 })),
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}

export async function listVisibleServices(
  env: SetupEnv,
  f: { search?: string | undefined; active?: boolean | undefined },
) {
  const rows = await listServices(tablesOf(env), f);
  const assigned = await listAssignments(
    tablesOf(env),
    rows.map((r) => r.id),
  );
  return rows.map((r) => toServiceDto(env, r, assigned));
}

async function findOrThrow(env: SetupEnv, id: string) {
  const row = await findService(tablesOf(env), id);
  if (!row) throw notFound("The service");
  return row;
}

export async function getService(env: SetupEnv, id: string) {
  const row = await findOrThrow(env, id);
  return toServiceDto(env, row, await listAssignments(tablesOf(env), [id]));
}

const clashError = (
  clash: { code: string; letter: string },
  f: { code?: string; letter?: string },
) => {
  const details: DetailInput[] = [];
  if (f.code && clash.code === f.code)
    details.push({
      path: "code",
      code: "taken",
      message: `Another service already uses the code ${f.code}.`,
    });
  if (f.letter && clash.letter === f.letter)
    details.push({
      path: "letter",
      code: "taken",
      message: `Another service already uses the ticket letter ${f.letter}; letters tell services apart on tickets.`,
    });
  return new AppError("ALREADY_EXISTS", details.map((d) => d.message).join(" "), { details });
};

/** Refuses repeated or unknown branch ids with the path of the offending entry. */
async function assertAssignments(env: SetupEnv, rows: Assignment[]) {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.branchId))
      throw invalidField(
        `branches.${i}.branchId`,
        "This branch is listed twice.",
        "VALIDATION_FAILED",
        "listed_twice",
      );
    seen.add(r.branchId);
  });
  const existing = new Set(await findExistingBranchIds(tablesOf(env), [...seen]));
  rows.forEach((r, i) => {
    if (!existing.has(r.branchId)) throw unknownReference(`branches.${i}.branchId`, "branch");
  });
}

/** A free code from the Uzbek name's first word ("Kassa xizmati" → KASSA, then KASSA_2 …). */
async function deriveCode(q: Kysely<Database>, nameUz: string, letter: string) {
  const word =
    nameUz
      .normalize("NFD")
      .replace(/[^\p{L}\p{N}\s]/gu, "")
      .toUpperCase()
      .replace(/[^A-Z0-9\s]/g, "")
      .trim()
      .split(/\s+/)[0] ?? "";
  const base = /^[A-Z][A-Z0-9]{1,11}/.exec(word)?.[0] ?? `SERVICE_${letter}`;
  const taken = await codesLike(q, base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

async function guardClash<T>(f: { code?: string; letter?: string }, work: () => Promise<T>) {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw clashError({ code: f.code ?? "", letter: "" }, f);
    throw err;
  }
}

export async function createService(env: SetupEnv, input: CreateServiceInput) {
  await assertBelowCap(env, "services", COMPANY_CAPS.services, "services");
  const q = tablesOf(env);
  const clash = await findServiceClash(q, { code: input.code, letter: input.letter });
  if (clash) throw clashError(clash, { code: input.code, letter: input.letter });
  await assertAssignments(env, input.branches);
  const code = input.code ?? (await deriveCode(q, input.name.uz, input.letter));
  const id = await guardClash({ code }, () =>
    inTransaction(env, async (tq, trx) => {
      const row = await insertService(tq, {
        code,
        letter: input.letter,
        name: JSON.stringify(input.name),
        description: JSON.stringify(input.description ?? {}),
        duration_minutes: input.durationMinutes,
        priority: input.priority,
        head_start_seconds: input.headStartSeconds,
        nearly_up_position: input.nearlyUpPosition,
        nearly_up_minutes: input.nearlyUpMinutes,
        target_wait_minutes: input.targetWaitMinutes,
        online_booking: input.onlineBooking,
        show_on_kiosk: input.showOnKiosk,
        is_active: input.active,
      });
      await replaceServiceBranches(tq, row.id, input.branches);
      await auditChange(
        trx,
        env,
        "service.create",
        { type: "service", id: row.id },
        {
          code,
          letter: input.letter,
          branches: input.branches.map((b) => b.branchId),
        },
      );
      return row.id;
    }),
  );
  return getService(env, id);
}

export async function updateService(env: SetupEnv, id: string, patch: UpdateServiceInput) {
  const current = await findOrThrow(env, id);
  const code = patch.code !== current.code ? patch.code : undefined;
  const letter = patch.letter !== current.letter ? patch.letter : undefined;
  if (code || letter) {
    const clash = await findServiceClash(tablesOf(env), { code, letter }, id);
    if (clash) throw clashError(clash, { code, letter });
  }
  const set: Updateable<ServicesTable> = {
    ...(patch.name !== undefined && { name: JSON.stringify(patch.name) }),
    ...(patch.description !== undefined && { description: JSON.stringify(patch.description) }),
    ...(patch.code !== undefined && { code: patch.code }),
    ...(patch.letter !== undefined && { letter: patch.letter }),
    ...(patch.durationMinutes !== undefined && { duration_minutes: patch.durationMinutes }),
    ...(patch.priority !== undefined && { priority: patch.priority }),
    ...(patch.headStartSeconds !== undefined && { head_start_seconds: patch.headStartSeconds }),
    ...(patch.nearlyUpPosition !== undefined && { nearly_up_position: patch.nearlyUpPosition }),
    ...(patch.nearlyUpMinutes !== undefined && { nearly_up_minutes: patch.nearlyUpMinutes }),
    ...(patch.targetWaitMinutes !== undefined && { target_wait_minutes: patch.targetWaitMinutes }),
    ...(patch.onlineBooking !== undefined && { online_booking: patch.onlineBooking }),
    ...(patch.showOnKiosk !== undefined && { show_on_kiosk: patch.showOnKiosk }),
    ...(patch.active !== undefined && { is_active: patch.active }),
  };
  await guardClash({ code }, () =>
    inTransaction(env, async (q, trx) => {
      await updateServiceRow(q, id, set);
      await auditChange(
        trx,
        env,
        "service.update",
        { type: "service", id },
        {
          changed: Object.keys(patch),
        },
      );
    }),
  );
  return getService(env, id);
}

/** Deletes a service that never had a ticket (otherwise: deactivate it). */
export async function deleteService(env: SetupEnv, id: string) {
  const current = await findOrThrow(env, id);
  if ((await countServiceTickets(tablesOf(env), id)) > 0)
    throw new AppError(
      "IN_USE",
      "This service has tickets, so its history must stay; deactivate it instead.",
    );
  await inTransaction(env, async (q, trx) => {
    await deleteServiceRow(q, id);
    await auditChange(trx, env, "service.delete", { type: "service", id }, { code: current.code });
  });
}

/** Sets the branches that offer the service; it stays one service however many branches share it. */
export async function setServiceBranches(env: SetupEnv, id: string, rows: Assignment[]) {
  await findOrThrow(env, id);
  await assertAssignments(env, rows);
  await inTransaction(env, async (q, trx) => {
    await replaceServiceBranches(q, id, rows);
    await pruneServiceOperators(
      q,
      id,
      rows.map((r) => r.branchId),
    );
    await auditChange(
      trx,
      env,
      "service.branches.set",
      { type: "service", id },
      {
        branches: rows.map((r) => ({ id: r.branchId, enabled: r.enabled })),
      },
    );
  });
  return getService(env, id);
}
