import type { Updateable } from "kysely";
import type { BranchesTable } from "../../db/tables";
import { AppError, invalidField, notFound, type DetailInput } from "../../shared/app-error";
import { isForeignKeyViolation, isUniqueViolation } from "../../shared/db-errors";
import {
  assertBelowCap,
  auditChange,
  inTransaction,
  tablesOf,
  type SetupEnv,
} from "../setup-common";
import { COMPANY_CAPS } from "@equeue/contracts/schemas";
import { branchIdFilter, isCompanyAdmin, requireBranchAccess } from "../access";
import { findExistingServiceIds } from "../services";
import type { BranchRow } from "./branch.mapper";
import {
  copyServicesAndCounters,
  countBranchTickets,
  deleteBranchRow,
  findBranch,
  findBranchClash,
  insertBranch,
  listBranches,
  listBranchServices,
  pruneOperatorServices,
  replaceBranchServices,
  updateBranchRow,
} from "./branch.repository";
import { MANAGER_EDITABLE, type CreateBranchInput, type UpdateBranchInput } from "./branch.schema";

/** Branches the caller may see. */
export const listVisibleBranches = (
  env: SetupEnv,
  f: { search?: string | undefined; status?: "OPEN" | "CLOSED" | undefined },
) =>
  listBranches(tablesOf(env), {
    ...f,
    ids: branchIdFilter(env.caller),
  });

/** A branch of this company that the caller may see, or not-found. */
export async function getBranch(env: SetupEnv, id: string): Promise<BranchRow> {
  requireBranchAccess(env.caller, id);
  const branch = await findBranch(tablesOf(env), id);
  if (!branch) throw notFound("The branch");
  return branch;
}

const clashError = (clash: { slug: string; code: string }, slug?: string, code?: string) => {
  const details: DetailInput[] = [];
  if (slug && clash.slug === slug)
    details.push({
      path: "slug",
      code: "taken",
      message: `Another branch already uses the address "${slug}".`,
    });
  if (code && clash.code === code)
    details.push({
      path: "code",
      code: "taken",
      message: `Another branch already uses the code ${code}.`,
    });
  return new AppError("ALREADY_EXISTS", details.map((d) => d.message).join(" "), { details });
};

function assertCoordinates(lat: number | null, lng: number | null) {
  if ((lat === null) !== (lng === null))
    throw invalidField(
      lat === null ? "latitude" : "longitude",
      "Give both latitude and longitude, or neither.",
    );
}

function settingsColumns(s: UpdateBranchInput["settings"] = {}): Updateable<BranchesTable> {
  return {
    ...(s.numberScheme !== undefined && { number_scheme: s.numberScheme }),
    ...(s.noShowGraceSeconds !== undefined && { no_show_grace_seconds: s.noShowGraceSeconds }),
    ...(s.dailyTicketLimit !== undefined && { daily_ticket_limit: s.dailyTicketLimit }),
    ...(s.bookingHorizonDays !== undefined && { booking_horizon_days: s.bookingHorizonDays }),
    ...(s.onlineCapPerSlot !== undefined && { online_cap_per_slot: s.onlineCapPerSlot }),
    ...(s.keepOvernight !== undefined && { keep_overnight: s.keepOvernight }),
    ...(s.checkInEarlyMinutes !== undefined && { check_in_early_minutes: s.checkInEarlyMinutes }),
    ...(s.checkInLateMinutes !== undefined && { check_in_late_minutes: s.checkInLateMinutes }),
    ...(s.lateArrival !== undefined && { late_arrival: s.lateArrival }),
  };
}

/** Runs a write that may hit the slug/code unique indexes, reporting a clash as 409. */
async function guardClash<T>(
  slug: string | undefined,
  code: string | undefined,
  work: () => Promise<T>,
) {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err))
      throw clashError({ slug: slug ?? "", code: code ?? "" }, slug, code);
    throw err;
  }
}

export async function createBranch(env: SetupEnv, input: CreateBranchInput) {
  await assertBelowCap(env, "branches", COMPANY_CAPS.branches, "branches");
  assertCoordinates(input.latitude ?? null, input.longitude ?? null);
  const clash = await findBranchClash(tablesOf(env), input.slug, input.code);
  if (clash) throw clashError(clash, input.slug, input.code);
  if (input.copyFrom && !(await findBranch(tablesOf(env), input.copyFrom))) {
    throw invalidField(
      "copyFrom",
      "There is no such branch to copy from.",
      "VALIDATION_FAILED",
      "not_found",
    );
  }
  return guardClash(input.slug, input.code, () =>
    inTransaction(env, async (q, trx) => {
      const row = await insertBranch(q, {
        slug: input.slug,
        code: input.code,
        name: JSON.stringify(input.name),
        address: JSON.stringify(input.address ?? {}),
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        phone: input.phone ?? null,
        time_zone: input.timeZone,
        weekly_hours: JSON.stringify(input.weeklyHours),
        ...settingsColumns(input.settings),
      });
      // The next of twelve alike branches: the same services and counters, in one step.
      if (input.copyFrom) await copyServicesAndCounters(q, input.copyFrom, row.id);
      await auditChange(
        trx,
        env,
        "branch.create",
        { type: "branch", id: row.id },
        {
          slug: row.slug,
          code: row.code,
          ...(input.copyFrom && { copiedFrom: input.copyFrom }),
        },
      );
      return row;
    }),
  );
}

export async function updateBranch(env: SetupEnv, id: string, patch: UpdateBranchInput) {
  const branch = await getBranch(env, id);
  const keys = Object.keys(patch) as (keyof UpdateBranchInput)[];
  if (!isCompanyAdmin(env.caller)) {
    const refused = keys.filter((k) => !MANAGER_EDITABLE.has(k));
    if (refused.length)
      throw new AppError(
        "FORBIDDEN",
        `A branch manager can change working hours and exceptions only; ask a company admin to change: ${refused.join(", ")}.`,
        {
          details: refused.map((path) => ({
            path,
            message: "Only a company admin can change this.",
          })),
        },
      );
  }
  assertCoordinates(
    patch.latitude !== undefined ? patch.latitude : branch.latitude,
    patch.longitude !== undefined ? patch.longitude : branch.longitude,
  );
  const slug = patch.slug !== branch.slug ? patch.slug : undefined;
  const code = patch.code !== branch.code ? patch.code : undefined;
  if (slug || code) {
    const clash = await findBranchClash(tablesOf(env), slug, code, id);
    if (clash) throw clashError(clash, slug, code);
  }
  const set: Updateable<BranchesTable> = {
    ...(patch.name !== undefined && { name: JSON.stringify(patch.name) }),
    ...(patch.slug !== undefined && { slug: patch.slug }),
    ...(patch.code !== undefined && { code: patch.code }),
    ...(patch.address !== undefined && { address: JSON.stringify(patch.address) }),
    ...(patch.latitude !== undefined && { latitude: patch.latitude }),
    ...(patch.longitude !== undefined && { longitude: patch.longitude }),
    ...(patch.phone !== undefined && { phone: patch.phone }),
    ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
    ...(patch.weeklyHours !== undefined && { weekly_hours: JSON.stringify(patch.weeklyHours) }),
    ...settingsColumns(patch.settings),
  };
  return guardClash(slug, code, () =>
    inTransaction(env, async (q, trx) => {
      const row = await updateBranchRow(q, id, set);
      await auditChange(
        trx,
        env,
        "branch.update",
        { type: "branch", id },
        {
          changed: keys,
          ...(patch.settings && { settings: Object.keys(patch.settings) }),
        },
      );
      return row;
    }),
  );
}

/** Closes (hides from customers and kiosks) or reopens a branch. */
export async function setBranchStatus(env: SetupEnv, id: string, status: "OPEN" | "CLOSED") {
  const branch = await getBranch(env, id);
  if (branch.status === status)
    throw new AppError(
      "INVALID_STATE",
      status === "OPEN" ? "The branch is already open." : "The branch is already closed.",
    );
  return inTransaction(env, async (q, trx) => {
    const row = await updateBranchRow(q, id, { status });
    await auditChange(trx, env, status === "OPEN" ? "branch.reopen" : "branch.close", {
      type: "branch",
      id,
    });
    return row;
  });
}

/** Deletes a branch that never issued a ticket (otherwise: close it). */
export async function deleteBranch(env: SetupEnv, id: string) {
  const branch = await getBranch(env, id);
  const inUse = () =>
    new AppError(
      "IN_USE",
      "This branch has tickets or operators at work, so its history must stay; close it instead.",
    );
  if ((await countBranchTickets(tablesOf(env), id)) > 0) throw inUse();
  try {
    await inTransaction(env, async (q, trx) => {
      await deleteBranchRow(q, id);
      await auditChange(trx, env, "branch.delete", { type: "branch", id }, { slug: branch.slug });
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw inUse();
    throw err;
  }
  // Its devices went with it: no node may keep accepting their tokens.
  env.ctx.realtime.devicesRevoked(env.company.id);
}

export async function getBranchServices(env: SetupEnv, id: string) {
  await getBranch(env, id);
  return listBranchServices(tablesOf(env), id);
}

/** Sets which company services the branch offers, each enabled or not. */
export async function setBranchServices(
  env: SetupEnv,
  id: string,
  rows: { serviceId: string; enabled: boolean }[],
) {
  await getBranch(env, id);
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.serviceId))
      throw invalidField(
        `services.${i}.serviceId`,
        "This service is listed twice.",
        "VALIDATION_FAILED",
        "listed_twice",
      );
    seen.add(r.serviceId);
  });
  const existing = new Set(await findExistingServiceIds(tablesOf(env), [...seen]));
  rows.forEach((r, i) => {
    if (!existing.has(r.serviceId))
      throw invalidField(`services.${i}.serviceId`, "There is no such service; create it first.");
  });
  await inTransaction(env, async (q, trx) => {
    await replaceBranchServices(q, id, rows);
    await pruneOperatorServices(q, id, [...seen]);
    await auditChange(
      trx,
      env,
      "branch.services.set",
      { type: "branch", id },
      {
        services: rows.map((r) => ({ id: r.serviceId, enabled: r.enabled })),
      },
    );
  });
}
