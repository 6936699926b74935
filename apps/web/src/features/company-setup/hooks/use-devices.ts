import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createDevice,
  deleteDevice,
  listDevices,
  newPairingCode,
  revokeDevice,
  updateDevice,
} from "../api/devices.api";
import type { DeviceKind } from "../api/types";
import { setupKeys } from "./setup-keys";

/** Devices of the company; re-read every `intervalMs` so "waiting" turns into "paired" by itself. */
export function useDevices(slug: string, intervalMs = 15_000) {
  return useQuery({
    queryKey: setupKeys.devices(slug),
    queryFn: () => listDevices(slug),
    refetchInterval: intervalMs,
  });
}

export function useDeviceCommands(slug: string) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: setupKeys.devices(slug) });
    void client.invalidateQueries({ queryKey: setupKeys.overview(slug) });
  };
  return {
    create: useMutation({
      mutationFn: (input: { branchId: string; kind: DeviceKind; name?: string }) =>
        createDevice(slug, input),
      onSuccess: refresh,
    }),
    newCode: useMutation({
      mutationFn: (id: string) => newPairingCode(slug, id),
      onSuccess: refresh,
    }),
    revoke: useMutation({ mutationFn: (id: string) => revokeDevice(slug, id), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => deleteDevice(slug, id), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({
        id,
        ...body
      }: {
        id: string;
        name?: string;
        settings?: Record<string, unknown>;
      }) => updateDevice(slug, id, body),
      onSuccess: refresh,
    }),
  };
}
