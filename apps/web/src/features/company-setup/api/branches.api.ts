import { toQuery } from "../../../lib/api/http";
import { adminRequest, asItems } from "./admin-request";
import type {
  AddedException,
  Branch,
  BranchException,
  BranchInput,
  BranchService,
  SavedBranchServices,
  BranchStatus,
  ExceptionInput,
  HoursChange,
  HoursPreview,
  UpdatedBranch,
} from "./types";

export type BranchListParams = { search?: string; status?: BranchStatus };

export const listBranches = (slug: string, params: BranchListParams = {}) =>
  adminRequest<{ items: Branch[] }>(slug, `/branches${toQuery(params)}`).then(asItems);

export const getBranch = (slug: string, id: string) =>
  adminRequest<Branch>(slug, `/branches/${id}`);

export const createBranch = (slug: string, body: BranchInput & { copyFrom?: string }) =>
  adminRequest<Branch>(slug, "/branches", { method: "POST", body });

export const updateBranch = (slug: string, id: string, body: Partial<BranchInput>) =>
  adminRequest<UpdatedBranch>(slug, `/branches/${id}`, { method: "PATCH", body });

/** The bookings hours would cancel if saved (nothing is saved). */
export const previewHours = (slug: string, id: string, body: HoursChange) =>
  adminRequest<HoursPreview>(slug, `/branches/${id}/hours-preview`, { method: "POST", body });

export const setBranchOpen = (slug: string, id: string, open: boolean) =>
  adminRequest<Branch>(slug, `/branches/${id}/${open ? "reopen" : "close"}`, { method: "POST" });

export const listExceptions = (slug: string, id: string) =>
  adminRequest<{ items: BranchException[] }>(slug, `/branches/${id}/exceptions`).then(asItems);

export const addException = (slug: string, id: string, body: ExceptionInput) =>
  adminRequest<AddedException>(slug, `/branches/${id}/exceptions`, { method: "POST", body });

export const deleteException = (slug: string, id: string, exceptionId: string) =>
  adminRequest<void>(slug, `/branches/${id}/exceptions/${exceptionId}`, { method: "DELETE" });

export const listBranchServices = (slug: string, id: string) =>
  adminRequest<{ items: BranchService[] }>(slug, `/branches/${id}/services`).then(asItems);

export const setBranchServices = (
  slug: string,
  id: string,
  services: { serviceId: string; enabled: boolean }[],
) =>
  adminRequest<SavedBranchServices>(slug, `/branches/${id}/services`, {
    method: "PUT",
    body: { services },
  });
