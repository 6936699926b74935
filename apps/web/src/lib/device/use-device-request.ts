import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import {
  createDeviceRequest,
  type DeviceRequestOptions,
  type DeviceRequestState,
} from "./device-request";

const idle: DeviceRequestState<never> = {
  data: undefined,
  error: null,
  isError: false,
};
const noop = () => undefined;
const never = () => noop;

/**
 * Keeps `load` answered while the component is shown (see `createDeviceRequest`). A new `key`
 * starts afresh (no answer yet); `key: null` loads nothing. `load` and `options` are read from
 * the latest render, so they need not be stable.
 */
export function useDeviceRequest<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: DeviceRequestOptions<T> = {},
): DeviceRequestState<T> & { refetch: () => void } {
  const latest = useRef({ load, options });
  latest.current = { load, options };

  const request = useMemo(() => {
    if (key === null) return null;
    const { options: first } = latest.current;
    return createDeviceRequest((signal) => latest.current.load(signal), {
      retry: (failures, error) => latest.current.options.retry?.(failures, error) ?? false,
      refreshEvery: first.refreshEvery,
      refreshOnShowAfter: first.refreshOnShowAfter,
      kept: first.kept,
    });
  }, [key]);

  useEffect(() => {
    if (!request) return;
    request.start();
    return request.stop;
  }, [request]);

  const state = useSyncExternalStore(
    request?.subscribe ?? never,
    request?.getState ?? (() => idle),
  );
  return { ...state, refetch: request?.refetch ?? noop };
}
