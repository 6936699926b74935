/**
 * One request a hall screen keeps answered: loaded once, tried again after a failure (1 s, 2 s,
 * 4 s … up to 30 s between tries), refreshed every so often and when the screen is shown again.
 * A failure keeps the last answer, so a short outage does not blank a kiosk or a board; an answer
 * equal to the last one keeps the last object, so a refresh that changed nothing re-renders nothing.
 * Framework-free (the hook `useDeviceRequest` subscribes to it); the device faces load this
 * instead of a query library, to stay inside their download budget.
 */
export type DeviceRequestState<T> = {
  data: T | undefined;
  /** The last failure, once the retries are spent; cleared by the next answer. */
  error: unknown;
  isError: boolean;
};

export type DeviceRequestOptions<T = unknown> = {
  /** Try again after the `failures`-th failure in a row (1, 2, …)? Default: never. */
  retry?: (failures: number, error: unknown) => boolean;
  /** Refresh this often (ms) while the page is visible. */
  refreshEvery?: number;
  /** Refresh when the page becomes visible again and the answer is older than this (ms). */
  refreshOnShowAfter?: number;
  /**
   * The last answer kept on the device: shown at once until a fresh one arrives, so a screen
   * restarted while its server is away still shows what it last knew. Written on every answer.
   */
  kept?: { read: () => T | undefined; write: (data: T) => void };
};

export type DeviceRequest<T> = {
  getState: () => DeviceRequestState<T>;
  subscribe: (listener: () => void) => () => void;
  /** Starts loading and refreshing (again after `stop`). */
  start: () => void;
  /** Aborts what is under way and stops every timer; the last answer is kept. */
  stop: () => void;
  /** Loads now (a "try again" button), abandoning a request under way. */
  refetch: () => void;
};

export const retryDelay = (failures: number) => Math.min(1000 * 2 ** (failures - 1), 30_000);

const pageVisible = () => typeof document === "undefined" || document.visibilityState !== "hidden";

export function createDeviceRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
  options: DeviceRequestOptions<T> = {},
): DeviceRequest<T> {
  let state: DeviceRequestState<T> = {
    data: options.kept?.read(),
    error: null,
    isError: false,
  };
  const listeners = new Set<() => void>();
  let running = false;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let answeredAt = 0;

  // Listeners hear of a change only: a refresh that changed nothing re-renders nothing.
  const set = (patch: Partial<DeviceRequestState<T>>) => {
    const next = { ...state, ...patch };
    if (next.data === state.data && next.error === state.error && next.isError === state.isError)
      return;
    state = next;
    for (const listener of listeners) listener();
  };
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = (ms: number, then: () => void) => {
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      then();
    }, ms);
  };
  const scheduleRefresh = () => {
    const every = options.refreshEvery;
    if (every === undefined) return;
    schedule(every, () => (pageVisible() ? fetchNow() : scheduleRefresh()));
  };

  function fetchNow(failures = 0): void {
    if (!running) return;
    clearTimer();
    controller?.abort();
    const own = new AbortController();
    controller = own;
    load(own.signal).then(
      (data) => {
        if (controller !== own) return;
        controller = null;
        answeredAt = Date.now();
        const same =
          state.data !== undefined && JSON.stringify(state.data) === JSON.stringify(data);
        set({ data: same ? state.data : data, error: null, isError: false });
        if (!same) options.kept?.write(data);
        scheduleRefresh();
      },
      (error: unknown) => {
        if (controller !== own) return;
        controller = null;
        const count = failures + 1;
        if (running && options.retry?.(count, error)) {
          schedule(retryDelay(count), () => fetchNow(count));
          return;
        }
        set({ error, isError: true });
        scheduleRefresh();
      },
    );
  }

  const onVisibility = () => {
    const after = options.refreshOnShowAfter;
    if (after === undefined || !pageVisible() || controller !== null) return;
    if (Date.now() - answeredAt >= after) fetchNow();
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (running) return;
      running = true;
      if (typeof document !== "undefined")
        document.addEventListener("visibilitychange", onVisibility);
      fetchNow();
    },
    stop() {
      running = false;
      clearTimer();
      controller?.abort();
      controller = null;
      if (typeof document !== "undefined")
        document.removeEventListener("visibilitychange", onVisibility);
    },
    refetch: () => fetchNow(),
  };
}
