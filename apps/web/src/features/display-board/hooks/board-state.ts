import type { BoardCall, BoardService, BoardSnapshot } from "../api/board.types";

/** How many calls the board keeps by default (the newest large, the rest in the list). */
export const DEFAULT_MAX_CALLS = 7;
/** Calls missed while offline are still announced after a reconnect if this recent. */
const CATCH_UP_MS = 90_000;

export type BoardState = {
  snapshot: BoardSnapshot | null;
  /** Keys of every call already shown, so a snapshot after a reconnect announces only new ones. */
  seen: ReadonlySet<string>;
};

export const emptyBoard: BoardState = { snapshot: null, seen: new Set() };

const byNewest = (a: BoardCall, b: BoardCall) => Date.parse(b.calledAt) - Date.parse(a.calledAt);

/**
 * Applies a snapshot read at `snapshotAt`. On the first one nothing is announced (those calls are
 * history); after a reconnect, calls the board never saw and that are recent are returned to be
 * announced. A live call newer than the snapshot (it overtook it) is kept, not dropped.
 */
export function applySnapshot(
  state: BoardState,
  snapshot: BoardSnapshot,
  now: number,
  max = DEFAULT_MAX_CALLS,
  snapshotAt = now,
): { state: BoardState; announce: BoardCall[] } {
  const inSnapshot = new Set(snapshot.calls.map((c) => c.key));
  const overtaking = (state.snapshot?.calls ?? []).filter(
    (c) => !inSnapshot.has(c.key) && Date.parse(c.calledAt) > snapshotAt,
  );
  const calls = [...snapshot.calls, ...overtaking].sort(byNewest).slice(0, max);
  const first = state.snapshot === null;
  const announce = first
    ? []
    : calls
        .filter((c) => !state.seen.has(c.key) && now - Date.parse(c.calledAt) < CATCH_UP_MS)
        .reverse();
  const seen = new Set(state.seen);
  for (const call of calls) seen.add(call.key);
  return { state: { snapshot: { ...snapshot, calls }, seen }, announce };
}

/** Applies live calls (oldest first); returns those not seen before, to be announced in order. */
export function applyCalls(
  state: BoardState,
  incoming: BoardCall[],
  max = DEFAULT_MAX_CALLS,
): { state: BoardState; announce: BoardCall[] } {
  if (!state.snapshot) return { state, announce: [] };
  const fresh = incoming.filter((c) => !state.seen.has(c.key));
  if (fresh.length === 0) return { state, announce: [] };
  const seen = new Set(state.seen);
  for (const call of fresh) seen.add(call.key);
  // A ticket appears once: a recall moves it to the top instead of listing it twice.
  const freshTickets = new Set(fresh.map((c) => c.ticketId));
  const calls = [...fresh, ...state.snapshot.calls.filter((c) => !freshTickets.has(c.ticketId))]
    .sort(byNewest)
    .slice(0, max);
  return { state: { snapshot: { ...state.snapshot, calls }, seen }, announce: fresh };
}

/** Updates the waiting counts of the services named; others keep theirs. */
export function applyCounts(
  state: BoardState,
  counts: Array<{ serviceId: string; waiting: number }>,
): BoardState {
  if (!state.snapshot) return state;
  const byId = new Map(counts.map((c) => [c.serviceId, c.waiting]));
  const services: BoardService[] = state.snapshot.services.map((s) => ({
    ...s,
    waiting: byId.get(s.id) ?? s.waiting,
  }));
  return { ...state, snapshot: { ...state.snapshot, services } };
}
