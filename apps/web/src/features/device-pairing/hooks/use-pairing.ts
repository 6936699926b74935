import { useCallback, useRef, useState } from "react";
import { pairDevice, type DeviceView } from "../api/pairing.api";

type Paired = { deviceToken: string; device: DeviceView };

/**
 * Exchanges a pairing code for a device token: the answer goes to `onPaired`; a refusal stays
 * in `error` (until `reset`) and calls `onRefused`.
 */
export function usePairing(
  slug: string,
  onPaired: (answer: Paired) => void,
  onRefused: () => void,
) {
  const [state, setState] = useState<{ isPending: boolean; error: unknown }>({
    isPending: false,
    error: null,
  });
  const callbacks = useRef({ onPaired, onRefused });
  callbacks.current = { onPaired, onRefused };
  const mutate = useCallback(
    (code: string) => {
      setState({ isPending: true, error: null });
      pairDevice(slug, code).then(
        (answer) => {
          setState({ isPending: false, error: null });
          callbacks.current.onPaired(answer);
        },
        (error: unknown) => {
          setState({ isPending: false, error });
          callbacks.current.onRefused();
        },
      );
    },
    [slug],
  );
  const reset = useCallback(() => setState({ isPending: false, error: null }), []);
  return { ...state, isError: state.error !== null, mutate, reset };
}
