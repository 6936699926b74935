import type {
  CompanyInfoDto,
  DeviceKind,
  DeviceMeDto,
  DeviceViewDto,
  PairedDto,
  Wire,
} from "@equeue/contracts";
import { requestJson } from "../../../lib/api/http";
import { companyApiBase } from "../../../lib/company-host";

export type { DeviceKind };

/** What a paired device learns about itself. */
export type DeviceView = Wire<DeviceViewDto>;

/** The device, its company's branding and the branch's services (`GET …/device/me`). */
export type DeviceMe = Wire<DeviceMeDto>;

/** The company's public card (`GET …/info`), as the login page reads it too. */
export type PublicCompany = CompanyInfoDto;

/** Exchanges the 6-digit code for a device token (single use; a few wrong tries lock the code). */
export const pairDevice = (slug: string, code: string) =>
  requestJson<Wire<PairedDto>>(`${companyApiBase(slug)}/devices/pair`, {
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
