import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";
import type { LocalizedText } from "../../../lib/localized";

import type { DeviceKind } from "@equeue/contracts";

export type { DeviceKind };

/** What a paired device learns about itself (server: `deviceViewSchema`). */
export type DeviceView = {
  id: string;
  kind: DeviceKind;
  name: string;
  branch: { id: string; slug: string; code: string; name: LocalizedText; timeZone: string };
  settings: Record<string, unknown>;
};

export type DeviceMe = {
  device: DeviceView;
  company: { name: string; slug: string; logoUrl: string | null; primaryColor: string | null };
  services: { id: string; letter: string; name: LocalizedText; durationMinutes: number }[];
};

export type PublicCompany = { name: string; slug: string; logoUrl: string | null; status: string };

/** Exchanges the 6-digit code for a device token (single use; a few wrong tries lock the code). */
export const pairDevice = (slug: string, code: string) =>
  requestJson<{ deviceToken: string; device: DeviceView }>(`${companyApiBase(slug)}/devices/pair`, {
    method: "POST",
    body: { code },
  });

/** The paired device's branch, settings, services and branding; 401 once it is revoked. */
export const getDeviceMe = (slug: string, token: string, signal?: AbortSignal) =>
  requestJson<DeviceMe>(`${companyApiBase(slug)}/device/me`, {
    headers: { authorization: `Device ${token}` },
    signal,
  });

export const getPublicCompany = (slug: string) =>
  requestJson<PublicCompany>(`${companyApiBase(slug)}/info`);
