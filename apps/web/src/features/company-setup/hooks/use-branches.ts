import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  addException,
  createBranch,
  deleteException,
  getBranch,
  listBranchServices,
  listBranches,
  listExceptions,
  previewHours,
  setBranchOpen,
  setBranchServices,
  updateBranch,
  type BranchListParams,
} from "../api/branches.api";
import type { Branch, BranchInput, ExceptionInput, HoursChange } from "../api/types";
import { setupKeys } from "./setup-keys";

export function useBranches(slug: string, params: BranchListParams = {}) {
  return useQuery({
    queryKey: [...setupKeys.branches(slug), "list", params],
    queryFn: () => listBranches(slug, params),
    placeholderData: keepPreviousData,
  });
}

export function useBranch(slug: string, id: string) {
  return useQuery({ queryKey: setupKeys.branch(slug, id), queryFn: () => getBranch(slug, id) });
}

/** After a branch changes: store it and refresh lists and the overview. */
function useStoreBranch(slug: string) {
  const client = useQueryClient();
  return (branch: Branch) => {
    client.setQueryData(setupKeys.branch(slug, branch.id), branch);
    void client.invalidateQueries({ queryKey: [...setupKeys.branches(slug), "list"] });
    void client.invalidateQueries({ queryKey: setupKeys.overview(slug) });
  };
}

export function useCreateBranch(slug: string) {
  const store = useStoreBranch(slug);
  return useMutation({
    mutationFn: (input: BranchInput & { copyFrom?: string }) => createBranch(slug, input),
    onSuccess: store,
  });
}

export function useUpdateBranch(slug: string, id: string) {
  const store = useStoreBranch(slug);
  return useMutation({
    mutationFn: (patch: Partial<BranchInput>) => updateBranch(slug, id, patch),
    onSuccess: store,
  });
}

/** "Which bookings would these hours cancel?" — asked before they are saved. */
export function usePreviewHours(slug: string, id: string) {
  return useMutation({ mutationFn: (change: HoursChange) => previewHours(slug, id, change) });
}

export function useSetBranchOpen(slug: string, id: string) {
  const store = useStoreBranch(slug);
  return useMutation({
    mutationFn: (open: boolean) => setBranchOpen(slug, id, open),
    onSuccess: store,
  });
}

export function useExceptions(slug: string, id: string) {
  return useQuery({
    queryKey: setupKeys.exceptions(slug, id),
    queryFn: () => listExceptions(slug, id),
  });
}

export function useExceptionCommands(slug: string, id: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: setupKeys.exceptions(slug, id) });
  const add = useMutation({
    mutationFn: (input: ExceptionInput) => addException(slug, id, input),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (exceptionId: string) => deleteException(slug, id, exceptionId),
    onSuccess: refresh,
  });
  return { add, remove };
}

export function useBranchServices(slug: string, id: string) {
  return useQuery({
    queryKey: setupKeys.branchServices(slug, id),
    queryFn: () => listBranchServices(slug, id),
  });
}

export function useSetBranchServices(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (services: { serviceId: string; enabled: boolean }[]) =>
      setBranchServices(slug, id, services),
    onSuccess: ({ items }) => {
      client.setQueryData(setupKeys.branchServices(slug, id), items);
      void client.invalidateQueries({ queryKey: setupKeys.services(slug) });
      void client.invalidateQueries({ queryKey: setupKeys.overview(slug) });
    },
  });
}
