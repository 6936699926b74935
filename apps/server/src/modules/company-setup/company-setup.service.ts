import { AppError } from "../../shared/app-error";
import { logoUrl } from "../companies";
import { auditChange, inTransaction, tablesOf, type SetupEnv } from "../setup-common";
import { findBranding, updatePrimaryColor } from "./branding.repository";
import { findCompanyState, markReadyRequested, setupCounts } from "./company-setup.repository";
import type { ChecklistItem } from "./company-setup.schema";

type Counts = Awaited<ReturnType<typeof setupCounts>>;

const names = (list: { name: { uz: string } }[]) => list.map((b) => b.name.uz).join(", ");

/** What is set up and what is still missing, in the order a person would do it. */
export function checklistOf(c: Counts): ChecklistItem[] {
  const open = c.openBranches;
  const noHours = open.filter((b) => !b.hasHours);
  const noCounter = open.filter((b) => !b.hasCounter);
  const noService = open.filter((b) => !b.hasService);
  const item = (
    key: ChecklistItem["key"],
    done: boolean,
    required: boolean,
    todo: string,
    ok: string,
  ) => ({
    key,
    done,
    required,
    message: done ? ok : todo,
  });
  return [
    item(
      "branches",
      open.length > 0,
      true,
      "Add your first branch (name, code, address, hours).",
      `${open.length} open branch(es).`,
    ),
    item(
      "services",
      open.length > 0 && noService.length < open.length,
      true,
      "Create a service (e.g. Kassa xizmati, 15 min) and offer it at a branch.",
      noService.length
        ? `Services are set; still none offered at: ${names(noService)}.`
        : `${c.services.active} active service(s).`,
    ),
    item(
      "operators",
      c.operators.serving > 0,
      true,
      c.operators.active
        ? "Assign your operators to the services they handle."
        : "Add an operator, with a branch, a counter and services.",
      `${c.operators.active} active operator(s).`,
    ),
    item(
      "hours",
      open.length > 0 && noHours.length === 0,
      false,
      open.length
        ? `Set working hours for: ${names(noHours)}.`
        : "Set working hours once a branch exists.",
      "Every open branch has working hours.",
    ),
    item(
      "counters",
      open.length > 0 && noCounter.length === 0,
      false,
      open.length
        ? `Add counters (windows) to: ${names(noCounter)}.`
        : "Add counters once a branch exists.",
      `${c.counters.active} active counter(s).`,
    ),
    item(
      "devices",
      c.devices.kiosks > 0,
      false,
      "Pair a kiosk (and a display board) so walk-in customers can take tickets.",
      `${c.devices.paired} paired device(s).`,
    ),
  ];
}

export async function getOverview(env: SetupEnv) {
  const [counts, state] = await Promise.all([
    setupCounts(tablesOf(env)),
    findCompanyState(env.ctx.db, env.company.id),
  ]);
  const checklist = checklistOf(counts);
  return {
    status: state.status,
    readyRequestedAt: state.ready_requested_at,
    activatedAt: state.activated_at,
    counts: {
      branches: counts.branches.total,
      openBranches: counts.branches.open,
      services: counts.services.total,
      activeServices: counts.services.active,
      counters: counts.counters.active,
      operators: counts.operators.active,
      pairedDevices: counts.devices.paired,
    },
    checklist,
    canRequestActivation:
      state.status === "INACTIVE" && checklist.every((i) => i.done || !i.required),
  };
}

/** Tells the super admin the set-up is done; refused while a required step is missing. */
export async function requestActivation(env: SetupEnv) {
  const overview = await getOverview(env);
  if (overview.status !== "INACTIVE")
    throw new AppError(
      "INVALID_STATE",
      overview.status === "ACTIVE"
        ? "The company is already active."
        : `A ${overview.status.toLowerCase()} company cannot ask for activation.`,
    );
  const missing = overview.checklist.filter((i) => i.required && !i.done);
  if (missing.length)
    throw new AppError(
      "SETUP_INCOMPLETE",
      `Finish the set-up first: ${missing.map((i) => i.message).join(" ")}`,
      { details: missing.map((i) => ({ path: i.key, code: "required", message: i.message })) },
    );
  const at = new Date();
  await inTransaction(env, async (_q, trx) => {
    await markReadyRequested(trx, env.company.id, at);
    await auditChange(trx, env, "company.ready.request", { type: "company", id: env.company.id });
  });
  env.ctx.directory.invalidate(env.company.slug);
  return { readyRequestedAt: at };
}

export async function getBranding(env: SetupEnv) {
  const b = await findBranding(tablesOf(env));
  return {
    name: b?.name ?? env.company.name,
    logoUrl: logoUrl(b?.logo_id ?? env.company.logo_id),
    primaryColor: b?.primary_color ?? null,
  };
}

/** The company's colour on its screens; the logo and name stay with the super admin. */
export async function setPrimaryColor(env: SetupEnv, color: string | null) {
  await inTransaction(env, async (q, trx) => {
    await updatePrimaryColor(q, color);
    await auditChange(
      trx,
      env,
      "company.branding.update",
      { type: "company", id: env.company.id },
      {
        primaryColor: color,
      },
    );
  });
  return getBranding(env);
}
