import { io, type Socket } from "socket.io-client";
import { REALTIME_PATH as SOCKET_PATH } from "@equeue/contracts";

type Received = { name: string; payload: unknown; at: number; taken: boolean };

/** A socket.io client that records every event it receives, in order (tests only). */
export type RecordingSocket = {
  socket: Socket;
  events: Received[];
  /**
   * The first not-yet-taken event `name` (received or coming) that passes `test`, within 10 s by
   * default (a first snapshot on a loaded machine); tests of promptness pass their own bound.
   */
  next: <T = Record<string, unknown>>(
    name: string,
    test?: (payload: T) => boolean,
    timeoutMs?: number,
  ) => Promise<T>;
  close: () => void;
};

const options = (auth: Record<string, unknown>) => ({
  path: SOCKET_PATH,
  transports: ["websocket"],
  auth,
  reconnection: false,
  forceNew: true,
});

export function connectClient(baseUrl: string, auth: Record<string, unknown>): RecordingSocket {
  const socket = io(baseUrl, options(auth));
  const events: Received[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((name: string, payload: unknown) => {
    events.push({ name, payload, at: Date.now(), taken: false });
    for (const w of [...waiters]) w();
  });
  const next = <T>(name: string, test: (p: T) => boolean = () => true, timeoutMs = 10_000) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const e = events.find((x) => !x.taken && x.name === name && test(x.payload as T));
        if (!e) return;
        e.taken = true;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(e.payload as T);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        const got = events.map((x) => x.name).join(", ");
        reject(new Error(`no "${name}" within ${timeoutMs} ms; received: ${got}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { socket, events, next, close: () => socket.close() };
}

/** Resolves with the server's error code when the handshake is refused. */
export function refusedWith(baseUrl: string, auth: Record<string, unknown>): Promise<string> {
  const socket = io(baseUrl, options(auth));
  return new Promise((resolve, reject) => {
    socket.on("connect", () => {
      socket.close();
      reject(new Error("the handshake was accepted"));
    });
    socket.on("connect_error", (err: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve(err.data?.code ?? err.message);
    });
  });
}
