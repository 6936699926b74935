import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  checkStaffBookings,
  createStaff,
  getStaff,
  listStaff,
  resetStaffPassword,
  setStaffActive,
  updateStaff,
  type StaffListParams,
} from "../api/staff.api";
import type { Delivery, Staff, StaffChange, StaffInput } from "../api/types";
import { setupKeys } from "./setup-keys";

export function useStaffList(slug: string, params: StaffListParams) {
  return useQuery({
    queryKey: [...setupKeys.staff(slug), "list", params],
    queryFn: () => listStaff(slug, params),
    placeholderData: keepPreviousData,
  });
}

export function useStaffMember(slug: string, id: string) {
  return useQuery({ queryKey: setupKeys.staffMember(slug, id), queryFn: () => getStaff(slug, id) });
}

function useStoreStaff(slug: string) {
  const client = useQueryClient();
  return (staff: Staff) => {
    client.setQueryData(setupKeys.staffMember(slug, staff.id), staff);
    void client.invalidateQueries({ queryKey: [...setupKeys.staff(slug), "list"] });
    void client.invalidateQueries({ queryKey: setupKeys.overview(slug) });
  };
}

export function useCreateStaff(slug: string) {
  const store = useStoreStaff(slug);
  return useMutation({
    mutationFn: (input: StaffInput & { delivery: Delivery }) => createStaff(slug, input),
    onSuccess: (answer) => store(answer.staff),
  });
}

export function useUpdateStaff(slug: string, id: string) {
  const store = useStoreStaff(slug);
  return useMutation({
    mutationFn: (patch: Partial<StaffInput>) => updateStaff(slug, id, patch),
    onSuccess: store,
  });
}

/** "Which booked times would this edit leave short of operators?" — asked before saving. */
export function useCheckStaffBookings(slug: string, id: string) {
  return useMutation({ mutationFn: (change: StaffChange) => checkStaffBookings(slug, id, change) });
}

/** The booked times deactivating the person would leave short (while `enabled`). */
export function useDeactivationCheck(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...setupKeys.staff(slug), id, "deactivation-check"],
    queryFn: () => checkStaffBookings(slug, id, { active: false }),
    enabled,
    staleTime: 0,
  });
}

export function useSetStaffActive(slug: string, id: string) {
  const store = useStoreStaff(slug);
  return useMutation({
    mutationFn: (active: boolean) => setStaffActive(slug, id, active),
    onSuccess: store,
  });
}

export function useResetStaffPassword(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (delivery: Delivery) => resetStaffPassword(slug, id, delivery),
    onSuccess: () => client.invalidateQueries({ queryKey: setupKeys.staffMember(slug, id) }),
  });
}
