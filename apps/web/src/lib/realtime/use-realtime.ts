import { useEffect, useRef, useState } from "react";
import {
  REALTIME_PATH,
  SERVER_EVENT,
  type ClientToServerEvents,
  type RealtimeAuth,
  type ServerEventName,
  type WirePayload,
  type WireServerToClientEvents,
} from "@equeue/contracts";
import type { Socket, io as connectTo } from "socket.io-client";

/** What a live screen shows about its connection. */
export type ConnectionStatus = "connecting" | "online" | "offline";

/** A socket typed by the server's event map, as the browser receives it (dates as strings). */
export type RealtimeSocket = Socket<WireServerToClientEvents, ClientToServerEvents>;

/** Handlers of the server's events a screen listens to, each typed by its payload. */
export type RealtimeHandlers = { [E in ServerEventName]?: (payload: WirePayload<E>) => void };

export type RealtimeOptions = {
  /** Connect only when true (e.g. after login or pairing). */
  enabled: boolean;
  /** Socket.io namespace, e.g. "/queue". */
  namespace?: string;
  /** Handshake payload, asked again on every (re)connect so that a refreshed token is used. */
  auth: () => Promise<RealtimeAuth> | RealtimeAuth;
  /** Event name → handler; read through a ref, so a new object does not reconnect. */
  handlers: RealtimeHandlers;
  /** Called after each successful (re)connect, before any delta, e.g. to fetch a snapshot. */
  onConnect?: (socket: RealtimeSocket) => void;
  /** Called with the server's error code when it refuses the handshake (e.g. "UNAUTHENTICATED"). */
  onRefused?: (code: string) => void;
  /** Changing the key reconnects (e.g. another branch or another token). */
  key?: string;
};

/**
 * One socket.io connection for a screen, with its status. Reconnects forever with back-off;
 * the screen shows "offline" as soon as the transport drops, not after a timeout.
 */
export function useRealtime(options: RealtimeOptions): {
  status: ConnectionStatus;
  socket: RealtimeSocket | null;
} {
  const { enabled, namespace = "/", key = "" } = options;
  const latest = useRef(options);
  latest.current = options;
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);

  useEffect(() => {
    if (!enabled) return;
    setStatus("connecting");
    // The socket.io client (~13 kB) comes after the screen's first paint, not before it.
    let stop: (() => void) | null = null;
    let cancelled = false;
    let again: number | undefined;
    const load = () =>
      loadClient().then(
        (io) => {
          if (!cancelled) stop = connect(io);
        },
        () => {
          // Offline before the client ever arrived: say so, and try again.
          if (cancelled) return;
          setStatus("offline");
          again = window.setTimeout(load, 3000);
        },
      );
    const connect = (io: typeof connectTo) => {
      const client: RealtimeSocket = io(namespace, {
        path: REALTIME_PATH,
        transports: ["websocket", "polling"],
        reconnectionDelay: 500,
        reconnectionDelayMax: 5000,
        auth: (cb) => {
          void Promise.resolve(latest.current.auth()).then(cb, () => cb({}));
        },
      });
      setSocket(client);
      setStatus("connecting");
      // Socket.IO gives up after a refused handshake or a server-side disconnect (the server
      // closes a staff socket when its token expires); a screen on a wall must not, so retry —
      // the handshake asks for a fresh token each time.
      let retry: number | undefined;
      let slow: number | undefined;
      const retryIn = (ms: number) => {
        window.clearTimeout(retry);
        retry = window.setTimeout(() => {
          if (!client.connected) client.connect();
        }, ms);
      };
      client.on("connect", () => {
        window.clearTimeout(slow);
        setStatus("online");
        latest.current.onConnect?.(client);
      });
      client.on("disconnect", (reason) => {
        // A planned reconnect takes a moment: say "connecting", and "offline" only if it drags on.
        setStatus("connecting");
        window.clearTimeout(slow);
        slow = window.setTimeout(() => {
          if (!client.connected) setStatus("offline");
        }, 1500);
        if (reason === "io server disconnect") retryIn(200);
      });
      client.on("connect_error", (err: Error & { data?: { code?: unknown } }) => {
        if (typeof err.data?.code === "string") latest.current.onRefused?.(err.data.code);
        window.clearTimeout(slow);
        setStatus("offline");
        if (!client.active) retryIn(3000);
      });
      for (const relay of Object.values(RELAY)) relay(client, () => latest.current.handlers);
      // A laptop waking from sleep: reconnect at once instead of waiting out the back-off.
      const wake = () => {
        if (!client.connected) client.connect();
      };
      window.addEventListener("online", wake);
      document.addEventListener("visibilitychange", wake);
      return () => {
        window.clearTimeout(retry);
        window.clearTimeout(slow);
        window.removeEventListener("online", wake);
        document.removeEventListener("visibilitychange", wake);
        client.removeAllListeners();
        client.disconnect();
        setSocket(null);
      };
    };
    void load();
    return () => {
      cancelled = true;
      window.clearTimeout(again);
      stop?.();
    };
  }, [enabled, namespace, key]);

  return { status: enabled ? status : "connecting", socket };
}

let socketIo: Promise<typeof connectTo> | null = null;
/** The socket.io client, fetched once for the page (again after a failed fetch). */
function loadClient() {
  socketIo ??= import("socket.io-client").then(
    (m) => m.io,
    (err: unknown) => {
      socketIo = null;
      throw err;
    },
  );
  return socketIo;
}

type Relay = (client: RealtimeSocket, handlers: () => RealtimeHandlers) => void;

/**
 * Passes each server event to the screen's current handler for it. Keyed by the contract's
 * event map, so an event added there does not compile until it is relayed here.
 */
const RELAY: { [E in ServerEventName]: Relay } = {
  [SERVER_EVENT.SNAPSHOT]: (c, h) =>
    c.on(SERVER_EVENT.SNAPSHOT, (p) => h()[SERVER_EVENT.SNAPSHOT]?.(p)),
  [SERVER_EVENT.TICKET_CHANGED]: (c, h) =>
    c.on(SERVER_EVENT.TICKET_CHANGED, (p) => h()[SERVER_EVENT.TICKET_CHANGED]?.(p)),
  [SERVER_EVENT.QUEUE_COUNTS]: (c, h) =>
    c.on(SERVER_EVENT.QUEUE_COUNTS, (p) => h()[SERVER_EVENT.QUEUE_COUNTS]?.(p)),
  [SERVER_EVENT.OPERATOR_CHANGED]: (c, h) =>
    c.on(SERVER_EVENT.OPERATOR_CHANGED, (p) => h()[SERVER_EVENT.OPERATOR_CHANGED]?.(p)),
  [SERVER_EVENT.DISPLAY_CALL]: (c, h) =>
    c.on(SERVER_EVENT.DISPLAY_CALL, (p) => h()[SERVER_EVENT.DISPLAY_CALL]?.(p)),
  [SERVER_EVENT.TRACKING]: (c, h) =>
    c.on(SERVER_EVENT.TRACKING, (p) => h()[SERVER_EVENT.TRACKING]?.(p)),
  [SERVER_EVENT.DEVICE_SETTINGS]: (c, h) =>
    c.on(SERVER_EVENT.DEVICE_SETTINGS, (p) => h()[SERVER_EVENT.DEVICE_SETTINGS]?.(p)),
  [SERVER_EVENT.DEVICE_REVOKED]: (c, h) =>
    c.on(SERVER_EVENT.DEVICE_REVOKED, (p) => h()[SERVER_EVENT.DEVICE_REVOKED]?.(p)),
  [SERVER_EVENT.MY_TICKETS]: (c, h) =>
    c.on(SERVER_EVENT.MY_TICKETS, (p) => h()[SERVER_EVENT.MY_TICKETS]?.(p)),
  [SERVER_EVENT.WAIT_ALERT]: (c, h) =>
    c.on(SERVER_EVENT.WAIT_ALERT, (p) => h()[SERVER_EVENT.WAIT_ALERT]?.(p)),
};
