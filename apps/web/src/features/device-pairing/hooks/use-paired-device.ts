import { useCallback, useState } from "react";
import { isApiError } from "../../../lib/api/api-error";
import {
  clearDeviceToken,
  deviceTokenKey,
  readDeviceToken,
  writeDeviceToken,
} from "../api/device-token";
import { keptAnswer } from "../../../lib/device/kept-answer";
import { getDeviceMe, type DeviceKind, type DeviceMe } from "../api/pairing.api";
import { useDeviceRequest } from "../../../lib/device/use-device-request";

const isUnpaired = (error: unknown) => isApiError(error) && error.status === 401;

/**
 * The stored token of this screen and what the server says about it. A 401 (revoked, or a new
 * code was issued) forgets the token so the pairing screen comes back; other failures keep the
 * last answer, so a short outage does not blank a kiosk or a board.
 */
export function usePairedDevice(slug: string, branchSlug: string, kind: DeviceKind) {
  const key = deviceTokenKey(slug, branchSlug, kind);
  const [token, setToken] = useState(() => readDeviceToken(key));
  // Remembered across reloads: whoever stands at the screen next sees why it asks for a code.
  const unpairedKey = `${key}.unpaired`;
  const [wasUnpaired, setWasUnpaired] = useState(() => readDeviceToken(unpairedKey) !== null);

  // What the server last said about this device, so the screen can start without it.
  const kept = keptAnswer<DeviceMe>(`${key}.me`);
  const unpair = useCallback(() => {
    keptAnswer(`${key}.me`).forget();
    clearDeviceToken(key);
    writeDeviceToken(unpairedKey, "1");
    setToken(null);
    setWasUnpaired(true);
  }, [key, unpairedKey]);

  const me = useDeviceRequest(
    token ? `${slug}:${token}` : null,
    async (signal) => {
      try {
        return await getDeviceMe(slug, token ?? "", signal);
      } catch (error) {
        if (isUnpaired(error)) unpair();
        throw error;
      }
    },
    {
      refreshEvery: 60_000,
      refreshOnShowAfter: 10_000,
      retry: (failures, error) => !isUnpaired(error) && failures <= 3,
      kept,
    },
  );

  const adopt = useCallback(
    (newToken: string, actual: { branchSlug: string; kind: DeviceKind }) => {
      const newKey = deviceTokenKey(slug, actual.branchSlug, actual.kind);
      writeDeviceToken(newKey, newToken);
      clearDeviceToken(`${newKey}.unpaired`);
      if (actual.branchSlug === branchSlug && actual.kind === kind) {
        setToken(newToken);
        setWasUnpaired(false);
      }
    },
    [slug, branchSlug, kind],
  );

  return { token, me, unpair, adopt, wasUnpaired };
}
