import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDeviceRequest, retryDelay } from "./device-request";

type Call = { signal: AbortSignal; resolve: (value: string) => void; reject: (e: unknown) => void };

function fakeServer() {
  const calls: Call[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => calls.push({ signal, resolve, reject }));
  return { calls, load };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe("createDeviceRequest", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("loads on start and keeps the answer", async () => {
    const server = fakeServer();
    const request = createDeviceRequest(server.load);
    request.start();
    expect(server.calls).toHaveLength(1);
    expect(request.getState().data).toBeUndefined();
    server.calls[0]?.resolve("paired");
    await settle();
    expect(request.getState()).toEqual({ data: "paired", error: null, isError: false });
  });

  it("tries again with growing pauses, then reports the failure", async () => {
    const server = fakeServer();
    const request = createDeviceRequest(server.load, { retry: (failures) => failures <= 3 });
    request.start();
    for (const pause of [1000, 2000, 4000]) {
      server.calls.at(-1)?.reject(new Error("down"));
      await settle();
      expect(request.getState().isError).toBe(false);
      await vi.advanceTimersByTimeAsync(pause - 1);
      const before = server.calls.length;
      await vi.advanceTimersByTimeAsync(1);
      expect(server.calls.length).toBe(before + 1);
    }
    server.calls.at(-1)?.reject(new Error("still down"));
    await settle();
    expect(server.calls).toHaveLength(4);
    expect(request.getState().isError).toBe(true);
    expect((request.getState().error as Error).message).toBe("still down");
  });

  it("does not try again when the retry rule says no", async () => {
    const server = fakeServer();
    const request = createDeviceRequest(server.load, { retry: () => false });
    request.start();
    server.calls[0]?.reject(new Error("revoked"));
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(1);
    expect(request.getState().isError).toBe(true);
  });

  it("keeps the last answer when a refresh fails, and refreshes on its interval", async () => {
    const server = fakeServer();
    const request = createDeviceRequest(server.load, { refreshEvery: 60_000 });
    request.start();
    server.calls[0]?.resolve("v1");
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(2);
    server.calls[1]?.reject(new Error("outage"));
    await settle();
    expect(request.getState()).toMatchObject({ data: "v1", isError: true });
    await vi.advanceTimersByTimeAsync(60_000);
    server.calls[2]?.resolve("v2");
    await settle();
    expect(request.getState()).toMatchObject({ data: "v2", isError: false, error: null });
  });

  it("keeps the previous object, and tells nobody, when a refresh answers the same", async () => {
    const calls: Array<(value: { name: string }) => void> = [];
    const request = createDeviceRequest(
      () => new Promise<{ name: string }>((resolve) => calls.push(resolve)),
      { refreshEvery: 1000 },
    );
    const listener = vi.fn();
    request.subscribe(listener);
    request.start();
    calls[0]?.({ name: "Hall" });
    await settle();
    const first = request.getState().data;
    expect(listener).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    calls[1]?.({ name: "Hall" });
    await settle();
    expect(request.getState().data).toBe(first);
    expect(listener).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    calls[2]?.({ name: "Lobby" });
    await settle();
    expect(request.getState().data).toEqual({ name: "Lobby" });
  });

  it("refetch abandons the request under way; a late answer of it is ignored", async () => {
    const server = fakeServer();
    const request = createDeviceRequest(server.load);
    request.start();
    request.refetch();
    expect(server.calls[0]?.signal.aborted).toBe(true);
    server.calls[1]?.resolve("fresh");
    server.calls[0]?.resolve("stale");
    await settle();
    expect(request.getState().data).toBe("fresh");
  });

  it("stop aborts, clears the timers and notifies nobody afterwards", async () => {
    const server = fakeServer();
    const request = createDeviceRequest(server.load, { refreshEvery: 1000 });
    const listener = vi.fn();
    request.subscribe(listener);
    request.start();
    request.stop();
    expect(server.calls[0]?.signal.aborted).toBe(true);
    const notified = listener.mock.calls.length;
    server.calls[0]?.resolve("late");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls).toHaveLength(1);
    expect(listener.mock.calls.length).toBe(notified);
    expect(request.getState().data).toBeUndefined();
  });

  it("starts from the answer kept on the device and keeps each new one", async () => {
    const server = fakeServer();
    let stored: string | undefined = "kept";
    const request = createDeviceRequest(server.load, {
      kept: { read: () => stored, write: (v) => (stored = v) },
    });
    expect(request.getState().data).toBe("kept");
    request.start();
    server.calls[0]?.reject(new Error("offline"));
    await settle();
    expect(request.getState()).toMatchObject({ data: "kept", isError: true });
    request.refetch();
    server.calls[1]?.resolve("fresh");
    await settle();
    expect(request.getState().data).toBe("fresh");
    expect(stored).toBe("fresh");
    request.stop();
  });

  it("waits at most 30 s between tries", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });
});
