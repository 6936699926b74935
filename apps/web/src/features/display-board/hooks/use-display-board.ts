import { SERVER_EVENT } from "@equeue/contracts";
import type { SpeechLang } from "@equeue/core";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { isApiError } from "../../../lib/api/api-error";
import { deviceRealtimeAuth } from "../../../lib/realtime/realtime-contract";
import { useRealtime, type ConnectionStatus } from "../../../lib/realtime/use-realtime";
import {
  fetchDisplaySnapshot,
  toBoardCall,
  toBoardSnapshot,
  type DisplaySnapshotDto,
} from "../api/board.api";
import type { BoardCall, BoardSnapshot } from "../api/board.types";
import { Announcer, type AnnouncerState } from "../audio/announcer";
import { applyCalls, applyCounts, applySnapshot, emptyBoard, type BoardState } from "./board-state";

export type BoardOptions = {
  slug: string;
  deviceToken: string;
  /** Languages to announce in, in order (display setting). */
  languages: readonly SpeechLang[];
  /** Languages of the screen's headings, first one for everything else (display setting). */
  screenLanguages?: readonly string[];
  /** Speak the number, or only chime (display setting). */
  voice: boolean;
  /** Calls listed besides the newest (display setting). */
  historySize: number;
  /** The branch's time zone, for the clock. */
  timeZone?: string;
  /** The server no longer knows this device (revoked): pair again. */
  onUnpaired?: () => void;
};

/**
 * The board's live state: an HTTP snapshot to start, the socket's snapshot on every (re)connect,
 * then each call as it happens. Every new call is queued for announcement, in order.
 */
export function useDisplayBoard(options: BoardOptions): {
  snapshot: BoardSnapshot | null;
  connection: ConnectionStatus;
  announcer: AnnouncerState;
  enableSound: () => void;
  error: unknown;
} {
  const { slug, deviceToken } = options;
  const settings = useRef(options);
  settings.current = options;

  const announcer = useMemo(
    () => new Announcer(() => (settings.current.voice ? settings.current.languages : [])),
    [],
  );
  useEffect(() => () => announcer.dispose(), [announcer]);
  const announcerState = useSyncExternalStore(announcer.subscribe, announcer.getState);

  const state = useRef<BoardState>(emptyBoard);
  // Server times of the newest snapshot and the newest counts applied (see docs/realtime.md).
  const snapshotAt = useRef(0);
  const countsAt = useRef(0);
  const [snapshot, setSnapshot] = useState<BoardSnapshot | null>(null);
  const [error, setError] = useState<unknown>(null);

  const commit = useCallback(
    (next: { state: BoardState; announce: BoardCall[] }) => {
      state.current = next.state;
      setSnapshot(next.state.snapshot);
      if (next.announce.length) {
        announcer.enqueue(
          ...next.announce.map((c) => ({ key: c.key, label: c.label, counter: c.counter })),
        );
      }
    },
    [announcer],
  );

  const max = options.historySize + 1;
  const takeSnapshot = useCallback(
    (dto: DisplaySnapshotDto) => {
      const at = Date.parse(dto.at);
      if (at < snapshotAt.current) return; // an older answer overtaken by a newer one
      snapshotAt.current = at;
      setError(null);
      const result = applySnapshot(state.current, toBoardSnapshot(dto), Date.now(), max, at);
      // Counts that arrived after this snapshot was read are newer than its own: keep them.
      const previous = state.current.snapshot?.services ?? [];
      if (countsAt.current > at) {
        result.state = applyCounts(
          result.state,
          previous.map((s) => ({ serviceId: s.id, waiting: s.waiting })),
        );
      } else countsAt.current = at;
      commit(result);
    },
    [commit, max],
  );

  const load = useCallback(async () => {
    try {
      takeSnapshot(await fetchDisplaySnapshot(slug, deviceToken));
    } catch (err) {
      setError(err);
      if (isApiError(err) && err.status === 401) settings.current.onUnpaired?.();
    }
  }, [slug, deviceToken, takeSnapshot]);

  useEffect(() => {
    void load();
  }, [load]);

  const { status } = useRealtime({
    enabled: true,
    key: `display:${slug}:${deviceToken}`,
    auth: () => deviceRealtimeAuth(slug, deviceToken),
    // The token was revoked (unpaired, or the company was suspended since): pair again.
    onRefused: (code) => {
      if (code === "UNAUTHENTICATED") settings.current.onUnpaired?.();
    },
    handlers: {
      [SERVER_EVENT.SNAPSHOT]: (payload) => {
        if (payload.audience === "display") takeSnapshot(payload.display);
      },
      [SERVER_EVENT.DISPLAY_CALL]: ({ call }) => {
        commit(applyCalls(state.current, [toBoardCall(call)], max));
      },
      [SERVER_EVENT.QUEUE_COUNTS]: ({ services: counts, at }) => {
        // Counts are whole states: an older one (overtaken by a snapshot) must not win.
        const time = Date.parse(at);
        if (time < countsAt.current) return;
        countsAt.current = time;
        state.current = applyCounts(state.current, counts);
        setSnapshot(state.current.snapshot);
      },
    },
  });

  // While offline, keep trying the plain HTTP snapshot too: a proxy that drops websockets
  // must not leave the hall with a frozen board.
  useEffect(() => {
    if (status !== "offline") return;
    const timer = window.setInterval(() => void load(), 15_000);
    return () => window.clearInterval(timer);
  }, [status, load]);

  const enableSound = useCallback(() => void announcer.enableSound(), [announcer]);
  return { snapshot, connection: status, announcer: announcerState, enableSound, error };
}
