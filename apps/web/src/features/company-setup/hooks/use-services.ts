import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createService,
  getService,
  listServices,
  setServiceBranches,
  updateService,
} from "../api/services.api";
import type { Assignment, Service, ServiceInput, UpdatedService } from "../api/types";
import { setupKeys } from "./setup-keys";

export function useServices(slug: string) {
  return useQuery({ queryKey: setupKeys.services(slug), queryFn: () => listServices(slug) });
}

export function useService(slug: string, id: string) {
  return useQuery({ queryKey: setupKeys.service(slug, id), queryFn: () => getService(slug, id) });
}

function useStoreService(slug: string) {
  const client = useQueryClient();
  return (service: Service) => {
    client.setQueryData(setupKeys.service(slug, service.id), service);
    void client.invalidateQueries({ queryKey: setupKeys.services(slug), exact: true });
    // Branch screens list the services they offer.
    void client.invalidateQueries({ queryKey: setupKeys.branches(slug) });
    void client.invalidateQueries({ queryKey: setupKeys.overview(slug) });
  };
}

export type ServiceSave = { input: ServiceInput; branches: Assignment[] };

/** Creates a service with its branches, or saves its fields and then its branches. */
export function useSaveService(slug: string, existing?: Service) {
  const store = useStoreService(slug);
  return useMutation({
    mutationFn: async ({ input, branches }: ServiceSave): Promise<UpdatedService> => {
      if (!existing)
        return { ...(await createService(slug, { ...input, branches })), cancelledBookings: 0 };
      // Deactivating it, or taking it from a branch, cancels bookings: both answers count them.
      const edited = await updateService(slug, existing.id, input);
      const placed = await setServiceBranches(slug, existing.id, branches);
      return { ...placed, cancelledBookings: edited.cancelledBookings + placed.cancelledBookings };
    },
    onSuccess: store,
  });
}
