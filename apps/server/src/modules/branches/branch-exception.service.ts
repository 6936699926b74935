import { addDays, businessDay } from "@equeue/core";
import { AppError, invalidField, notFound } from "../../shared/app-error";
import { isUniqueViolation } from "../../shared/db-errors";
import { auditChange, inTransaction, tablesOf, type SetupEnv } from "../setup-common";
import { toExceptionDto } from "./branch.mapper";
import {
  deleteException,
  findExceptionOnDay,
  insertException,
  listExceptions,
} from "./branch.repository";
import type { CreateExceptionInput } from "./branch.schema";
import { getBranch } from "./branch.service";

/** Holidays and short days of a branch, by date. */
export async function listBranchExceptions(
  env: SetupEnv,
  branchId: string,
  from?: string,
  to?: string,
) {
  await getBranch(env, branchId);
  const rows = await listExceptions(tablesOf(env), branchId, from, to);
  return rows.map(toExceptionDto);
}

const dayTaken = (day: string) =>
  new AppError(
    "ALREADY_EXISTS",
    `This branch already has an exception on ${day}; delete it first.`,
    {
      details: [
        { path: "day", code: "taken", message: `There is already an exception on ${day}.` },
      ],
    },
  );

/** How far ahead an exception may be: a holiday list is planned a year or two out, not 9999. */
export const EXCEPTION_DAYS_AHEAD = 731;

/** Adds a closed day or a short day; the date is read in the branch's own calendar. */
export async function addBranchException(
  env: SetupEnv,
  branchId: string,
  input: CreateExceptionInput,
) {
  const branch = await getBranch(env, branchId);
  const today = businessDay(new Date(), branch.time_zone);
  if (input.day < today)
    throw invalidField(
      "day",
      `${input.day} is already past in this branch (today is ${today}).`,
      "VALIDATION_FAILED",
      "in_the_past",
    );
  const last = addDays(today, EXCEPTION_DAYS_AHEAD);
  if (input.day > last)
    throw invalidField("day", `Choose a day up to ${last}, two years ahead at most.`);
  if (await findExceptionOnDay(tablesOf(env), branchId, input.day)) throw dayTaken(input.day);
  try {
    const row = await inTransaction(env, async (q, trx) => {
      const created = await insertException(q, {
        branch_id: branchId,
        day: input.day,
        kind: input.kind,
        opens_at: input.kind === "SHORT_DAY" ? (input.opensAt ?? null) : null,
        closes_at: input.kind === "SHORT_DAY" ? (input.closesAt ?? null) : null,
        note: input.note || null,
      });
      await auditChange(
        trx,
        env,
        "branch.exception.add",
        { type: "branch", id: branchId },
        {
          exceptionId: created.id,
          day: input.day,
          kind: input.kind,
        },
      );
      return created;
    });
    return toExceptionDto(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw dayTaken(input.day);
    throw err;
  }
}

export async function deleteBranchException(env: SetupEnv, branchId: string, exceptionId: string) {
  await getBranch(env, branchId);
  await inTransaction(env, async (q, trx) => {
    const gone = await deleteException(q, branchId, exceptionId);
    if (!gone) throw notFound("The exception");
    await auditChange(
      trx,
      env,
      "branch.exception.delete",
      { type: "branch", id: branchId },
      {
        exceptionId,
        day: gone.day,
      },
    );
  });
}
