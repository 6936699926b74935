import type { DeviceKind } from "@equeue/contracts";
import type { Selectable } from "kysely";
import type { DevicesTable } from "../../db/tables";
import { AppError, invalidField, notFound } from "../../shared/app-error";
import { findBranch } from "../branches";
import { getBranch } from "../branches";
import {
  assertBelowCap,
  auditChange,
  inTransaction,
  tablesOf,
  type SetupEnv,
} from "../setup-common";
import { COMPANY_CAPS } from "@equeue/contracts/schemas";
import { branchIdFilter, canReachBranch } from "../access";
import { newPairingCode } from "./device-pairing";
import { checkSettings, effectiveSettings } from "./device-settings";
import {
  deleteDeviceRow,
  findDevice,
  insertDevice,
  listDevices,
  updateDeviceRow,
} from "./device.repository";
import type { CreateDeviceInput, DeviceDto, UpdateDeviceInput } from "./device.schema";
import { pairingLimiter } from "./pairing-limiter";

type DeviceRow = Selectable<DevicesTable>;

/**
 * An admin making a code on site (same address as the screen behind the branch's router) gets
 * its wrong tries forgiven, so the fresh code works there at once.
 */
const forgiveAdminAddress = (env: SetupEnv) => pairingLimiter(env.ctx).forget(env.actor.ip);

function statusOf(d: DeviceRow): DeviceDto["status"] {
  if (d.revoked_at) return "REVOKED";
  if (d.token_hash) return "PAIRED";
  const live = d.pairing_code_hash && d.pairing_expires_at && d.pairing_expires_at > new Date();
  return live ? "PENDING" : "EXPIRED";
}

export const toDeviceDto = (d: DeviceRow): DeviceDto => ({
  id: d.id,
  branchId: d.branch_id,
  kind: d.kind,
  name: d.name,
  status: statusOf(d),
  settings: effectiveSettings(d.kind, d.settings),
  pairingExpiresAt: statusOf(d) === "PENDING" ? d.pairing_expires_at : null,
  pairedAt: d.paired_at,
  lastSeenAt: d.last_seen_at,
  revokedAt: d.revoked_at,
  createdAt: d.created_at,
});

export async function listVisibleDevices(
  env: SetupEnv,
  f: { branchId?: string | undefined; kind?: DeviceKind | undefined },
) {
  if (f.branchId) await getBranch(env, f.branchId);
  const all = branchIdFilter(env.caller);
  const rows = await listDevices(tablesOf(env), {
    branchIds: f.branchId ? [f.branchId] : all,
    kind: f.kind,
  });
  return rows.map(toDeviceDto);
}

/** A device of a branch the caller may see, or not-found. */
export async function getDevice(env: SetupEnv, id: string) {
  const row = await findDevice(tablesOf(env), id);
  if (!row || !canReachBranch(env.caller, row.branch_id)) throw notFound("The device");
  return row;
}

/** Adds a kiosk or display board and returns its one-time pairing code (shown only now). */
export async function createDevice(env: SetupEnv, input: CreateDeviceInput) {
  const branch = canReachBranch(env.caller, input.branchId)
    ? await findBranch(tablesOf(env), input.branchId)
    : undefined;
  if (!branch) throw invalidField("branchId", "There is no such branch.");
  await assertBelowCap(env, "devices", COMPANY_CAPS.devices, "devices");
  const settings = await checkSettings(tablesOf(env), input.kind, input.branchId, input.settings);
  const result = await inTransaction(env, async (q, trx) => {
    const row = await insertDevice(q, {
      branch_id: input.branchId,
      kind: input.kind,
      // Unnamed (the API allows it): the glossary's Uzbek word, as the admin panel lists devices.
      name: input.name ?? (input.kind === "KIOSK" ? "Kiosk" : "Tablo"),
      settings: JSON.stringify(settings),
    });
    const pairing = await newPairingCode(q, row.id);
    const device = await updateDeviceRow(q, row.id, {
      pairing_code_hash: pairing.hash,
      pairing_expires_at: pairing.expiresAt,
    });
    await auditChange(
      trx,
      env,
      "device.create",
      { type: "device", id: row.id },
      {
        branchId: input.branchId,
        kind: input.kind,
      },
    );
    return {
      device: toDeviceDto(device),
      pairingCode: pairing.code,
      pairingExpiresAt: pairing.expiresAt,
    };
  });
  forgiveAdminAddress(env);
  return result;
}

export async function updateDevice(env: SetupEnv, id: string, patch: UpdateDeviceInput) {
  const current = await getDevice(env, id);
  const settings =
    patch.settings !== undefined
      ? await checkSettings(tablesOf(env), current.kind, current.branch_id, {
          ...effectiveSettings(current.kind, current.settings),
          ...patch.settings,
        })
      : undefined;
  const device = await inTransaction(env, async (q, trx) => {
    const row = await updateDeviceRow(q, id, {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(settings !== undefined && { settings: JSON.stringify(settings) }),
    });
    await auditChange(
      trx,
      env,
      "device.update",
      { type: "device", id },
      {
        changed: Object.keys(patch),
      },
    );
    return toDeviceDto(row);
  });
  // The screen reads its settings again now rather than at its next poll.
  if (settings !== undefined) env.ctx.realtime.deviceSettingsChanged(env.company.id, id);
  return device;
}

/**
 * A new pairing code. The device is unpaired until the code is entered: its old token stops
 * working now (a lost or replaced screen is re-paired this way, also after a revoke).
 */
export async function regeneratePairingCode(env: SetupEnv, id: string) {
  await getDevice(env, id);
  const result = await inTransaction(env, async (q, trx) => {
    const pairing = await newPairingCode(q, id);
    const row = await updateDeviceRow(q, id, {
      pairing_code_hash: pairing.hash,
      pairing_expires_at: pairing.expiresAt,
      pairing_attempts: 0,
      token_hash: null,
      paired_at: null,
      revoked_at: null,
    });
    await auditChange(trx, env, "device.pairing-code", { type: "device", id });
    return {
      device: toDeviceDto(row),
      pairingCode: pairing.code,
      pairingExpiresAt: pairing.expiresAt,
    };
  });
  env.ctx.realtime.devicesRevoked(env.company.id, [id]);
  forgiveAdminAddress(env);
  return result;
}

/** Revokes a device: its token stops working at once, and any pending code dies. */
export async function revokeDevice(env: SetupEnv, id: string) {
  const current = await getDevice(env, id);
  if (current.revoked_at) throw new AppError("INVALID_STATE", "This device is already revoked.");
  const row = await inTransaction(env, async (q, trx) => {
    const updated = await updateDeviceRow(q, id, {
      revoked_at: new Date(),
      token_hash: null,
      pairing_code_hash: null,
      pairing_expires_at: null,
    });
    await auditChange(trx, env, "device.revoke", { type: "device", id });
    return updated;
  });
  env.ctx.realtime.devicesRevoked(env.company.id, [id]);
  return toDeviceDto(row);
}

export async function deleteDevice(env: SetupEnv, id: string) {
  const current = await getDevice(env, id);
  await inTransaction(env, async (q, trx) => {
    await deleteDeviceRow(q, id);
    await auditChange(
      trx,
      env,
      "device.delete",
      { type: "device", id },
      {
        branchId: current.branch_id,
        kind: current.kind,
      },
    );
  });
  env.ctx.realtime.devicesRevoked(env.company.id, [id]);
}
