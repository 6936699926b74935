import { DEVICE_KINDS, type DeviceKind } from "@equeue/contracts";
import type { AppContext } from "../app-context";
import { systemActor, type Actor } from "../shared/actor";
import { hashPassword } from "../shared/passwords";
import { createBranchBody } from "../modules/branches/branch.schema";
import { createBranch } from "../modules/branches/branch.service";
import { findCompanyById } from "../modules/companies/company.repository";
import { changeCompanyStatus } from "../modules/companies/company.service";
import { createCounterBody } from "../modules/counters/counter.schema";
import { createCounter } from "../modules/counters/counter.service";
import { markReadyRequested } from "../modules/company-setup/company-setup.repository";
import { updatePrimaryColor } from "../modules/company-setup/branding.repository";
import { pairDevice } from "../modules/devices/device-pairing";
import { pairingLimiter } from "../modules/devices/pairing-limiter";
import { createDeviceBody } from "../modules/devices/device.schema";
import { createDevice } from "../modules/devices/device.service";
import { provisionCompany } from "../modules/provisioning/provision-company.command";
import { createServiceBody } from "../modules/services/service.schema";
import { createService } from "../modules/services/service.service";
import type { SetupEnv } from "../modules/setup-common/setup-env";
import { findStaffIdByEmail, updateStaffRow } from "../modules/staff/staff.repository";
import { createStaffBody } from "../modules/staff/staff.schema";
import { createStaff } from "../modules/staff/staff.service";
import { companyDb } from "../modules/tenancy/company-directory";
import {
  DEMO_BRANCHES,
  DEMO_COMPANIES,
  DEMO_ALWAYS_OPEN,
  DEMO_HISTORY,
  DEMO_HOURS,
  DEMO_MANAGER,
  DEMO_OPERATORS,
  DEMO_PASSWORD,
  DEMO_SERVICES,
} from "./demo-data";
import { seedHistory, type HistoryBranch } from "./seed-history";

export { DEMO_PASSWORD } from "./demo-data";

export type DemoDevice = { kind: DeviceKind; branch: string; token: string };
export type DemoCompany = {
  slug: string;
  skipped: boolean;
  logins: string[];
  devices: DemoDevice[];
  /** The past written for the company (tickets and their events). */
  history?: { tickets: number; events: number };
};

const COLORS: Record<string, string> = {
  hamkorbank: "#0B7A3E",
  kapitalbank: "#E30613",
  aloqabank: "#004A98",
};

/**
 * Creates the plan's demo companies (Hamkorbank, Kapital Bank, Aloqabank), ACTIVE, each with two
 * branches, three services, four counters per branch, operators, a branch manager and paired
 * kiosks and display boards. Every account's password is DEMO_PASSWORD. Companies that already
 * exist are left alone, so running it again changes nothing.
 */
export async function seedDemo(
  ctx: AppContext,
  opts: { log?: (line: string) => void; now?: Date } = {},
): Promise<DemoCompany[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const result: DemoCompany[] = [];
  for (const spec of DEMO_COMPANIES) {
    const exists = await ctx.directory.findBySlug(spec.slug);
    if (exists) {
      log(`  ${spec.name}: already there, left as it is.`);
      result.push({ slug: spec.slug, skipped: true, logins: [], devices: [] });
      continue;
    }
    result.push(await seedCompany(ctx, spec, opts));
  }
  printSummary(ctx, result, log, Date.now() - started);
  return result;
}

async function seedCompany(
  ctx: AppContext,
  spec: (typeof DEMO_COMPANIES)[number],
  opts: { now?: Date },
): Promise<DemoCompany> {
  const domain = `${spec.slug}.uz`;
  const adminEmail = `admin@${domain}`;
  const { companyId } = await provisionCompany(
    ctx,
    { ...spec, adminEmail, defaultLanguage: "uz", address: "Toshkent" },
    systemActor,
  );
  const company = (await findCompanyById(ctx.db, companyId))!;
  const q = companyDb(ctx.db, company);
  const admin = (await findStaffIdByEmail(q, adminEmail))!;
  const env: SetupEnv = {
    ctx,
    company,
    caller: {
      kind: "staff",
      companyId,
      staffId: admin.id,
      role: "COMPANY_ADMIN",
      branches: "ALL",
    },
    actor: { ...systemActor, companyId } satisfies Actor,
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const settle = (id: string) =>
    updateStaffRow(q, id, {
      password_hash: passwordHash,
      must_change_password: false,
      password_expires_at: null,
    });
  await settle(admin.id);
  await updatePrimaryColor(q, COLORS[spec.slug] ?? null);

  const branches = new Map<string, string>();
  for (const b of DEMO_BRANCHES) {
    const { key, alwaysOpen, ...rest } = b;
    const weeklyHours = alwaysOpen ? DEMO_ALWAYS_OPEN : DEMO_HOURS;
    const row = await createBranch(
      env,
      createBranchBody.parse({ ...rest, code: key, phone: spec.phone, weeklyHours }),
    );
    branches.set(key, row.id);
  }
  const services = new Map<string, string>();
  for (const s of DEMO_SERVICES) {
    const created = await createService(
      env,
      createServiceBody.parse({
        ...s,
        branches: [...branches.values()].map((branchId) => ({ branchId })),
      }),
    );
    services.set(s.letter, created.id);
  }
  const counters = new Map<string, string>();
  for (const [key, branchId] of branches)
    for (const number of [1, 2, 3, 4]) {
      const c = await createCounter(
        env,
        branchId,
        createCounterBody.parse({ number, name: `${number}-oyna` }),
      );
      counters.set(`${key}-${number}`, c.id);
    }

  const logins = [adminEmail];
  const history: HistoryBranch[] = DEMO_BRANCHES.map((b) => ({
    id: branches.get(b.key)!,
    code: b.key,
    alwaysOpen: b.alwaysOpen,
    base: DEMO_HISTORY.base[b.key] * (DEMO_HISTORY.scale[spec.slug] ?? 1),
    operators: [],
  }));
  for (const op of DEMO_OPERATORS) {
    const { staff } = await createStaff(
      env,
      createStaffBody.parse({
        email: `${op.local}@${domain}`,
        name: op.name,
        role: "OPERATOR",
        branchId: branches.get(op.branch),
        counterId: counters.get(`${op.branch}-${op.counter}`),
        serviceIds: op.services.map((l) => services.get(l)),
        weeklySchedule: DEMO_BRANCHES.find((b) => b.key === op.branch)?.alwaysOpen
          ? DEMO_ALWAYS_OPEN
          : DEMO_HOURS,
      }),
    );
    await settle(staff.id);
    logins.push(staff.email);
    history[DEMO_BRANCHES.findIndex((b) => b.key === op.branch)]!.operators.push({
      id: staff.id,
      counterId: counters.get(`${op.branch}-${op.counter}`)!,
      serviceIds: op.services.map((l) => services.get(l)!),
    });
  }
  const manager = await createStaff(
    env,
    createStaffBody.parse({
      email: `${DEMO_MANAGER.local}@${domain}`,
      name: DEMO_MANAGER.name,
      role: "BRANCH_MANAGER",
      branchIds: [branches.get(DEMO_MANAGER.branch)],
    }),
  );
  await settle(manager.staff.id);
  logins.push(manager.staff.email);

  const devices: DemoDevice[] = [];
  for (const b of DEMO_BRANCHES)
    for (const kind of DEVICE_KINDS) {
      const { pairingCode } = await createDevice(
        env,
        createDeviceBody.parse({
          branchId: branches.get(b.key),
          kind,
          name: `${b.name.uz} — ${kind === "KIOSK" ? "kiosk" : "tablo"}`,
        }),
      );
      const paired = await pairDevice(ctx.db, company, pairingCode, env.actor, pairingLimiter(ctx));
      devices.push({ kind, branch: b.slug, token: paired.deviceToken });
    }

  await markReadyRequested(ctx.db, companyId, new Date());
  await changeCompanyStatus(ctx, companyId, "activate", systemActor);
  // Four weeks of past activity, so the dashboard and the reports show a living branch.
  const past = await seedHistory(ctx, company, {
    branches: history,
    services: DEMO_SERVICES.map((s) => ({
      id: services.get(s.letter)!,
      letter: s.letter,
      minutes: s.durationMinutes,
      share: DEMO_HISTORY.share[s.letter],
    })),
    ...(opts.now && { now: opts.now }),
  });
  return { slug: spec.slug, skipped: false, logins, devices, history: past };
}

function printSummary(
  ctx: AppContext,
  companies: DemoCompany[],
  log: (line: string) => void,
  ms: number,
) {
  const created = companies.filter((c) => !c.skipped);
  if (!created.length) return;
  const url = ctx.publicUrl;
  log("");
  log(`  Demo companies are ready (${(ms / 1000).toFixed(1)} s).`);
  log(`  Every demo account's password: ${DEMO_PASSWORD}`);
  for (const c of created) {
    log("");
    log(`  ${c.slug}: ${url}/c/${c.slug}/admin   (operators: ${url}/c/${c.slug}/operator)`);
    log(`    logins: ${c.logins.join(", ")}`);
    if (c.history)
      log(`    history: ${c.history.tickets} tickets over the last four weeks, a few waiting now`);
    for (const d of c.devices)
      log(
        `    ${d.kind === "KIOSK" ? "kiosk  " : "display"} ${url}/${d.kind === "KIOSK" ? "k" : "d"}/${c.slug}/${d.branch}  token: ${d.token}`,
      );
  }
  log("");
  log("  A screen pairs with a fresh code from the admin panel (Devices → New code); the tokens");
  log("  above work as `Authorization: Device <token>` for the device API.");
  log("");
}
