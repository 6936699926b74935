import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  changeCompanyStatus,
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  listProvisioningFailures,
  retryProvisioning,
  purgeCompany,
  resendInvite,
  updateCompany,
  uploadLogo,
  type Company,
  type CompanyAction,
  type CompanyInput,
  type CompanyListParams,
  type CompanyPatch,
} from "../api/companies.api";

export const companyKeys = {
  all: ["platform", "companies"] as const,
  list: (p: CompanyListParams) => ["platform", "companies", "list", p] as const,
  detail: (id: string) => ["platform", "companies", "detail", id] as const,
};

export function useCompanies(params: CompanyListParams) {
  return useQuery({
    queryKey: companyKeys.list(params),
    queryFn: () => listCompanies(params),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string) {
  return useQuery({ queryKey: companyKeys.detail(id), queryFn: () => getCompany(id) });
}

function useStoreCompany() {
  const client = useQueryClient();
  return (company: Company) => {
    client.setQueryData(companyKeys.detail(company.id), (old: Company | undefined) => ({
      ...old,
      ...company,
      provisioning: company.provisioning ?? old?.provisioning ?? null,
    }));
    void client.invalidateQueries({ queryKey: [...companyKeys.all, "list"] });
  };
}

export function useCreateCompany() {
  const store = useStoreCompany();
  return useMutation({
    mutationFn: (input: CompanyInput) => createCompany(input),
    onSuccess: store,
  });
}

export function useUpdateCompany(id: string) {
  const store = useStoreCompany();
  return useMutation({
    mutationFn: (patch: CompanyPatch) => updateCompany(id, patch),
    onSuccess: store,
  });
}

export type CompanyCommand = CompanyAction | "delete" | "purge" | "resend";
export type CommandResult =
  | { kind: "company"; company: Company }
  | { kind: "purged"; exportFile: string }
  | { kind: "invite"; outboxId: string };

/** Status changes, delete, purge and invite resend for one company. */
export function useCompanyCommand(id: string) {
  const store = useStoreCompany();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (command: CompanyCommand): Promise<CommandResult> => {
      switch (command) {
        case "activate":
        case "suspend":
        case "restore":
          return { kind: "company", company: await changeCompanyStatus(id, command) };
        case "delete":
          return { kind: "company", company: await deleteCompany(id) };
        case "purge":
          return { kind: "purged", exportFile: (await purgeCompany(id)).exportFile };
        case "resend":
          return { kind: "invite", outboxId: (await resendInvite(id)).outboxId };
        default: {
          const unreachable: never = command;
          throw new Error(`Unknown command ${String(unreachable)}`);
        }
      }
    },
    onSuccess: (result) => {
      if (result.kind === "company") store(result.company);
      if (result.kind === "purged") {
        client.removeQueries({ queryKey: companyKeys.detail(id) });
        void client.invalidateQueries({ queryKey: companyKeys.all });
      }
    },
  });
}

export function useUploadLogo() {
  return useMutation({ mutationFn: (file: File) => uploadLogo(file) });
}

export function useProvisioningFailures() {
  return useQuery({
    queryKey: [...companyKeys.all, "failures"],
    queryFn: listProvisioningFailures,
  });
}

export function useRetryProvisioning() {
  const store = useStoreCompany();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => retryProvisioning(id),
    onSuccess: (company) => {
      store(company);
      void client.invalidateQueries({ queryKey: [...companyKeys.all, "failures"] });
    },
  });
}
