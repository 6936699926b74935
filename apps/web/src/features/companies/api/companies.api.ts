import type {
  CompanyDto,
  CompanyInput,
  CompanyPatch,
  CompanyStatus,
  ProvisioningFailureDto,
  ProvisioningStepDto,
  Wire,
} from "@equeue/contracts";
import { toQuery } from "../../../lib/api/http";
import type { Page } from "../../../lib/api/types";
import { platformSession } from "../../../lib/auth/sessions";

export type ProvisioningStep = Wire<ProvisioningStepDto>;

export type Company = Wire<CompanyDto>;

export type { CompanyInput, CompanyPatch };

export type CompanyListParams = {
  search: string;
  status: CompanyStatus | "";
  page: number;
  pageSize: number;
};

export type CompanyAction = "activate" | "suspend" | "restore";

const api = platformSession;

export const listCompanies = (p: CompanyListParams) =>
  api.request<Page<Company>>(`/companies${toQuery(p)}`);

export const getCompany = (id: string) =>
  api.request<Company>(`/companies/${encodeURIComponent(id)}`);

export const createCompany = (input: CompanyInput) =>
  api.request<Company>("/companies", { method: "POST", body: input });

export const updateCompany = (id: string, patch: CompanyPatch) =>
  api.request<Company>(`/companies/${encodeURIComponent(id)}`, { method: "PATCH", body: patch });

export const changeCompanyStatus = (id: string, action: CompanyAction) =>
  api.request<Company>(`/companies/${encodeURIComponent(id)}/${action}`, { method: "POST" });

export const deleteCompany = (id: string) =>
  api.request<Company>(`/companies/${encodeURIComponent(id)}`, { method: "DELETE" });

export const purgeCompany = (id: string) =>
  api.request<{ exportFile: string }>(`/companies/${encodeURIComponent(id)}/purge`, {
    method: "POST",
  });

export const resendInvite = (id: string) =>
  api.request<{ outboxId: string }>(`/companies/${encodeURIComponent(id)}/resend-invite`, {
    method: "POST",
  });

export const uploadLogo = (file: File) => {
  const form = new FormData();
  form.append("file", file);
  return api.request<{ logoId: string; url: string }>("/logos", { method: "POST", body: form });
};

/** Fetches the export with the bearer token and hands it to the browser as a download. */
export async function downloadExport(company: Pick<Company, "id" | "slug">): Promise<void> {
  const res = await api.send(`/companies/${encodeURIComponent(company.id)}/export`);
  const blob = await res.blob();
  const disposition = res.headers.get("content-disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : `${company.slug}-export.json`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ProvisioningFailure = Wire<ProvisioningFailureDto>;

export const listProvisioningFailures = () =>
  api.request<{ items: ProvisioningFailure[] }>("/provisioning-failures");

export const retryProvisioning = (id: string) =>
  api.request<Company>(`/provisioning-failures/${encodeURIComponent(id)}/retry`, {
    method: "POST",
  });
