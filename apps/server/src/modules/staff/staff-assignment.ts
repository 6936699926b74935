import type { StaffRole } from "../../db/tables";
import { AppError, invalidField, unknownReference } from "../../shared/app-error";
import { findCounter } from "../counters";
import { findExistingBranchIds } from "../services";
import { tablesOf, type SetupEnv } from "../setup-common";
import { canReachBranch, isCompanyAdmin } from "../access";
import { servicesForBranch } from "./staff.repository";

/** Where a staff member works: an operator's branch, counter and services; a manager's branches. */
export type Assignment = {
  role: StaffRole;
  branchId: string | null;
  counterId: string | null;
  serviceIds: string[];
  branchIds: string[];
};

type AssignmentInput = {
  role?: StaffRole | undefined;
  branchId?: string | null | undefined;
  counterId?: string | null | undefined;
  serviceIds?: string[] | undefined;
  branchIds?: string[] | undefined;
};

const onlyFor = (path: string, who: string) =>
  invalidField(path, `Only ${who} have this; leave it empty.`);

/**
 * The assignment after applying `input` to `current` (none when creating), checked against the
 * company's branches, counters and services. A bad reference answers 400 with its field path.
 */
export async function resolveAssignment(
  env: SetupEnv,
  input: AssignmentInput,
  current?: Assignment,
): Promise<Assignment> {
  const role = input.role ?? current?.role ?? "OPERATOR";
  if (!isCompanyAdmin(env.caller) && role !== "OPERATOR")
    throw new AppError("FORBIDDEN", "A branch manager can manage operators only.", {
      details: [{ path: "role", message: "Only a company admin can give this role." }],
    });
  if (role !== "OPERATOR") {
    if (input.branchId) throw onlyFor("branchId", "operators");
    if (input.counterId) throw onlyFor("counterId", "operators");
    if (input.serviceIds?.length) throw onlyFor("serviceIds", "operators");
  }
  if (role !== "BRANCH_MANAGER" && input.branchIds?.length)
    throw onlyFor("branchIds", "branch managers");
  if (role === "OPERATOR") return resolveOperator(env, input, current);
  if (role === "COMPANY_ADMIN")
    return { role, branchId: null, counterId: null, serviceIds: [], branchIds: [] };

  const branchIds = [
    ...new Set(input.branchIds ?? (current?.role === role ? current.branchIds : [])),
  ];
  if (!branchIds.length)
    throw invalidField("branchIds", "Choose at least one branch for the branch manager.");
  const existing = new Set(await findExistingBranchIds(tablesOf(env), branchIds));
  branchIds.forEach((id, i) => {
    if (!existing.has(id)) throw unknownReference(`branchIds.${i}`, "branch");
  });
  return { role, branchId: null, counterId: null, serviceIds: [], branchIds };
}

async function resolveOperator(
  env: SetupEnv,
  input: AssignmentInput,
  current?: Assignment,
): Promise<Assignment> {
  const q = tablesOf(env);
  const wasOperator = current?.role === "OPERATOR";
  const branchId =
    input.branchId !== undefined ? input.branchId : wasOperator ? current.branchId : null;
  if (!branchId) throw invalidField("branchId", "Choose the branch the operator works at.");
  const known = await findExistingBranchIds(q, [branchId]);
  if (!known.length || !canReachBranch(env.caller, branchId))
    throw unknownReference("branchId", "branch");
  const moved = !wasOperator || current.branchId !== branchId;

  const counterId =
    input.counterId !== undefined ? input.counterId : moved ? null : (current?.counterId ?? null);
  if (counterId) {
    const counter = await findCounter(q, counterId);
    if (!counter) throw unknownReference("counterId", "counter");
    if (counter.branch_id !== branchId)
      throw invalidField(
        "counterId",
        `Counter ${counter.number} is in another branch; choose a counter of the operator's branch.`,
        "VALIDATION_FAILED",
        "other_branch",
      );
  }

  const explicit = input.serviceIds !== undefined;
  const requested = [...new Set(input.serviceIds ?? (wasOperator ? current.serviceIds : []))];
  const found = new Map((await servicesForBranch(q, branchId, requested)).map((s) => [s.id, s]));
  const serviceIds: string[] = [];
  requested.forEach((id, i) => {
    const s = found.get(id);
    if (s?.offered) serviceIds.push(id);
    // Services carried over from another branch are dropped; named ones must be valid.
    else if (explicit)
      throw invalidField(
        `serviceIds.${i}`,
        s
          ? `Service ${s.letter} is not offered at this branch; assign it to the branch first.`
          : "There is no such service.",
      );
  });
  return { role: "OPERATOR", branchId, counterId, serviceIds, branchIds: [] };
}
