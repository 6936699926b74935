import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";

/** What a live screen shows about its connection. */
export type ConnectionStatus = "connecting" | "online" | "offline";

type Handlers = Record<string, (payload: unknown) => void>;

export type RealtimeOptions = {
  /** Connect only when true (e.g. after login or pairing). */
  enabled: boolean;
  /** Socket.io namespace, e.g. "/queue". */
  namespace?: string;
  /** Handshake payload, asked again on every (re)connect so that a refreshed token is used. */
  auth: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Event name → handler; read through a ref, so a new object does not reconnect. */
  handlers: Handlers;
  /** Called after each successful (re)connect, before any delta, e.g. to fetch a snapshot. */
  onConnect?: (socket: Socket) => void;
  /** Changing the key reconnects (e.g. another branch or another token). */
  key?: string;
};

/**
 * One socket.io connection for a screen, with its status. Reconnects forever with back-off;
 * the screen shows "offline" as soon as the transport drops, not after a timeout.
 */
export function useRealtime(options: RealtimeOptions): {
  status: ConnectionStatus;
  socket: Socket | null;
} {
  const { enabled, namespace = "/", key = "" } = options;
  const latest = useRef(options);
  latest.current = options;
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [socket, setSocket] = useState<Socket | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const client = io(namespace, {
      path: "/socket.io",
      transports: ["websocket", "polling"],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      auth: (cb) => {
        void Promise.resolve(latest.current.auth()).then(cb, () => cb({}));
      },
    });
    setSocket(client);
    setStatus("connecting");
    client.on("connect", () => {
      setStatus("online");
      latest.current.onConnect?.(client);
    });
    client.on("disconnect", () => setStatus("offline"));
    client.on("connect_error", () => setStatus("offline"));
    client.onAny((event: string, payload: unknown) => {
      latest.current.handlers[event]?.(payload);
    });
    // A laptop waking from sleep: reconnect at once instead of waiting out the back-off.
    const wake = () => {
      if (!client.connected) client.connect();
    };
    window.addEventListener("online", wake);
    document.addEventListener("visibilitychange", wake);
    return () => {
      window.removeEventListener("online", wake);
      document.removeEventListener("visibilitychange", wake);
      client.removeAllListeners();
      client.disconnect();
      setSocket(null);
    };
  }, [enabled, namespace, key]);

  return { status: enabled ? status : "connecting", socket };
}
