import type { Selectable } from "kysely";
import type { CountersTable } from "../../db/tables";
import { AppError, notFound } from "../../shared/app-error";
import { isForeignKeyViolation, isUniqueViolation } from "../../shared/db-errors";
import { getBranch } from "../branches";
import { auditChange, inTransaction, tablesOf, type SetupEnv } from "../setup-common";
import { canReachBranch } from "../access";
import {
  counterHasTickets,
  deleteCounterRow,
  findCounter,
  findCounterByNumber,
  insertCounter,
  listCounters,
  updateCounterRow,
} from "./counter.repository";
import type { CreateCounterInput, UpdateCounterInput } from "./counter.schema";

type CounterRow = Selectable<CountersTable>;

export const toCounterDto = (c: CounterRow) => ({
  id: c.id,
  branchId: c.branch_id,
  number: c.number,
  name: c.name,
  active: c.is_active,
  createdAt: c.created_at,
});

const numberTaken = (n: number) =>
  new AppError(
    "ALREADY_EXISTS",
    `Counter ${n} already exists in this branch; choose another number.`,
    {
      details: [
        { path: "number", code: "taken", message: `Counter ${n} already exists in this branch.` },
      ],
    },
  );

/** Writes that may hit the (branch, number) unique index report a clash as 409. */
async function guardNumber<T>(n: number | undefined, work: () => Promise<T>) {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err) && n !== undefined) throw numberTaken(n);
    throw err;
  }
}

export async function listBranchCounters(env: SetupEnv, branchId: string) {
  await getBranch(env, branchId);
  return (await listCounters(tablesOf(env), branchId)).map(toCounterDto);
}

/** A counter in a branch the caller may see, or not-found. */
export async function getCounter(env: SetupEnv, id: string) {
  const row = await findCounter(tablesOf(env), id);
  if (!row || !canReachBranch(env.caller, row.branch_id)) throw notFound("The counter");
  return row;
}

export async function createCounter(env: SetupEnv, branchId: string, input: CreateCounterInput) {
  await getBranch(env, branchId);
  if (await findCounterByNumber(tablesOf(env), branchId, input.number))
    throw numberTaken(input.number);
  const row = await guardNumber(input.number, () =>
    inTransaction(env, async (q, trx) => {
      const created = await insertCounter(q, {
        branch_id: branchId,
        number: input.number,
        name: input.name ?? null,
        is_active: input.active,
      });
      await auditChange(
        trx,
        env,
        "counter.create",
        { type: "counter", id: created.id },
        {
          branchId,
          number: input.number,
        },
      );
      return created;
    }),
  );
  return toCounterDto(row);
}

export async function updateCounter(env: SetupEnv, id: string, patch: UpdateCounterInput) {
  const current = await getCounter(env, id);
  if (patch.number !== undefined && patch.number !== current.number) {
    if (await findCounterByNumber(tablesOf(env), current.branch_id, patch.number))
      throw numberTaken(patch.number);
  }
  const row = await guardNumber(patch.number, () =>
    inTransaction(env, async (q, trx) => {
      const updated = await updateCounterRow(q, id, {
        ...(patch.number !== undefined && { number: patch.number }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.active !== undefined && { is_active: patch.active }),
      });
      await auditChange(
        trx,
        env,
        "counter.update",
        { type: "counter", id },
        {
          changed: Object.keys(patch),
        },
      );
      return updated;
    }),
  );
  return toCounterDto(row);
}

/** Deletes a counter nobody ever served at (otherwise: deactivate it). */
export async function deleteCounter(env: SetupEnv, id: string) {
  const current = await getCounter(env, id);
  const inUse = () =>
    new AppError(
      "IN_USE",
      "Customers were served at this counter or an operator is signed in at it; deactivate it instead.",
    );
  if (await counterHasTickets(tablesOf(env), id)) throw inUse();
  try {
    await inTransaction(env, async (q, trx) => {
      await deleteCounterRow(q, id);
      await auditChange(
        trx,
        env,
        "counter.delete",
        { type: "counter", id },
        {
          branchId: current.branch_id,
          number: current.number,
        },
      );
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw inUse();
    throw err;
  }
}
