import { toQuery } from "../../../lib/api/http";
import { adminRequest, asItems } from "./admin-request";
import type { Assignment, Service, ServiceInput, UpdatedService } from "./types";

export type ServiceListParams = { search?: string; active?: "true" | "false" };

export const listServices = (slug: string, params: ServiceListParams = {}) =>
  adminRequest<{ items: Service[] }>(slug, `/services${toQuery(params)}`).then(asItems);

export const getService = (slug: string, id: string) =>
  adminRequest<Service>(slug, `/services/${id}`);

export const createService = (slug: string, body: ServiceInput & { branches: Assignment[] }) =>
  adminRequest<Service>(slug, "/services", { method: "POST", body });

export const updateService = (slug: string, id: string, body: Partial<ServiceInput>) =>
  adminRequest<UpdatedService>(slug, `/services/${id}`, { method: "PATCH", body });

export const setServiceBranches = (slug: string, id: string, branches: Assignment[]) =>
  adminRequest<UpdatedService>(slug, `/services/${id}/branches`, {
    method: "PUT",
    body: { branches },
  });
