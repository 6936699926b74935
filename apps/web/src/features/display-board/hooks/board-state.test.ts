import { describe, expect, it } from "vitest";
import type { BoardCall, BoardSnapshot } from "../api/board.types";
import { applyCalls, applyCounts, applySnapshot, emptyBoard } from "./board-state";

const T0 = Date.parse("2026-03-10T09:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function call(label: string, counter: number, seconds: number, recalls = 0): BoardCall {
  const ticketId = `t-${label}`;
  return {
    key: `${ticketId}:${recalls}:${seconds}`,
    ticketId,
    label,
    counter,
    calledAt: at(seconds),
    serviceName: { uz: "Kassa" },
  };
}

function snapshot(calls: BoardCall[]): BoardSnapshot {
  return {
    branding: {
      companyName: "Hamkorbank",
      branchName: { uz: "Toshkent" },
      logoUrl: null,
      primaryColor: null,
    },
    calls,
    services: [{ id: "s1", name: { uz: "Kassa" }, waiting: 3 }],
  };
}

describe("display board state", () => {
  it("announces nothing from the first snapshot: those calls are history", () => {
    const { state, announce } = applySnapshot(emptyBoard, snapshot([call("K-001", 3, 0)]), T0);
    expect(announce).toEqual([]);
    expect(state.snapshot?.calls.map((c) => c.label)).toEqual(["K-001"]);
  });

  it("shows and announces two calls of the same second, in the order they came", () => {
    const start = applySnapshot(emptyBoard, snapshot([]), T0).state;
    const a = call("K-002", 3, 10);
    const b = call("K-003", 5, 10);
    const first = applyCalls(start, [a]);
    const second = applyCalls(first.state, [b]);
    expect([...first.announce, ...second.announce].map((c) => c.label)).toEqual(["K-002", "K-003"]);
    expect(second.state.snapshot?.calls.map((c) => c.label).sort()).toEqual(["K-002", "K-003"]);
  });

  it("announces a recall again but lists the ticket once", () => {
    const start = applySnapshot(emptyBoard, snapshot([call("K-001", 3, 0)]), T0).state;
    const { state, announce } = applyCalls(start, [call("K-001", 3, 30, 1)]);
    expect(announce.map((c) => c.label)).toEqual(["K-001"]);
    expect(state.snapshot?.calls).toHaveLength(1);
  });

  it("ignores a call delivered twice", () => {
    const start = applySnapshot(emptyBoard, snapshot([]), T0).state;
    const once = applyCalls(start, [call("K-004", 3, 5)]);
    expect(applyCalls(once.state, [call("K-004", 3, 5)]).announce).toEqual([]);
  });

  it("after a reconnect announces recent calls it missed, oldest first, but not old ones", () => {
    const start = applySnapshot(emptyBoard, snapshot([call("K-001", 3, 0)]), T0).state;
    const missed = snapshot([call("K-001", 3, 0), call("K-005", 3, 200), call("K-006", 5, 210)]);
    const { announce } = applySnapshot(start, missed, T0 + 220_000);
    expect(announce.map((c) => c.label)).toEqual(["K-005", "K-006"]);
    const late = applySnapshot(start, missed, T0 + 900_000);
    expect(late.announce).toEqual([]);
  });

  it("keeps a live call that overtook the snapshot it is not yet part of", () => {
    const start = applySnapshot(emptyBoard, snapshot([]), T0).state;
    const live = applyCalls(start, [call("K-007", 3, 60)]).state;
    const older = applySnapshot(live, snapshot([]), T0 + 61_000, 7, T0 + 59_000);
    expect(older.state.snapshot?.calls.map((c) => c.label)).toEqual(["K-007"]);
  });

  it("keeps only the newest calls the board has room for", () => {
    const start = applySnapshot(emptyBoard, snapshot([]), T0).state;
    const calls = Array.from({ length: 10 }, (_, i) => call(`K-${100 + i}`, 3, i));
    const { state } = applyCalls(start, calls, 4);
    expect(state.snapshot?.calls.map((c) => c.label)).toEqual(["K-109", "K-108", "K-107", "K-106"]);
  });

  it("updates waiting counts of the services named and keeps the others", () => {
    const start = applySnapshot(emptyBoard, snapshot([]), T0).state;
    const next = applyCounts(start, [
      { serviceId: "s1", waiting: 7 },
      { serviceId: "x", waiting: 1 },
    ]);
    expect(next.snapshot?.services).toEqual([{ id: "s1", name: { uz: "Kassa" }, waiting: 7 }]);
  });
});
