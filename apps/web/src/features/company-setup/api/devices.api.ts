import { toQuery } from "../../../lib/api/http";
import { adminRequest, asItems } from "./admin-request";
import type { Device, DeviceKind, PairingCode } from "./types";

export const listDevices = (slug: string, params: { branchId?: string; kind?: DeviceKind } = {}) =>
  adminRequest<{ items: Device[] }>(slug, `/devices${toQuery(params)}`).then(asItems);

export const createDevice = (
  slug: string,
  body: { branchId: string; kind: DeviceKind; name?: string; settings?: Record<string, unknown> },
) => adminRequest<PairingCode>(slug, "/devices", { method: "POST", body });

export const updateDevice = (
  slug: string,
  id: string,
  body: { name?: string; settings?: Record<string, unknown> },
) => adminRequest<Device>(slug, `/devices/${id}`, { method: "PATCH", body });

export const newPairingCode = (slug: string, id: string) =>
  adminRequest<PairingCode>(slug, `/devices/${id}/pairing-code`, { method: "POST" });

export const revokeDevice = (slug: string, id: string) =>
  adminRequest<Device>(slug, `/devices/${id}/revoke`, { method: "POST" });

export const deleteDevice = (slug: string, id: string) =>
  adminRequest<void>(slug, `/devices/${id}`, { method: "DELETE" });
