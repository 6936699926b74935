import { describe, expect, it } from "vitest";
import { isConnectFailure, isDatabaseUnavailable, isUniqueViolation } from "./db-errors";

const pgError = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("recognising an unreachable database", () => {
  it("treats dropped and refused connections as unavailable, and data errors as not", () => {
    for (const e of [
      pgError("57P01", "terminating connection due to administrator command"),
      pgError("57P03", "the database system is starting up"),
      pgError("08006"),
      pgError("53300", "sorry, too many clients already"),
      pgError("ECONNREFUSED"),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      new AggregateError([pgError("ECONNREFUSED"), pgError("ECONNREFUSED")]),
      new Error("wrapped", { cause: pgError("ECONNRESET") }),
    ])
      expect(isDatabaseUnavailable(e), String(e)).toBe(true);
    for (const e of [pgError("23505"), pgError("40001"), new Error("boom"), null, undefined])
      expect(isDatabaseUnavailable(e), String(e)).toBe(false);
  });

  it("retries only failures where nothing was sent", () => {
    expect(isConnectFailure(pgError("ECONNREFUSED"))).toBe(true);
    expect(isConnectFailure(pgError("57P03"))).toBe(true);
    expect(isConnectFailure(new Error("timeout exceeded when trying to connect"))).toBe(true);
    // The statement may have run: not safe to send again.
    expect(isConnectFailure(pgError("57P01"))).toBe(false);
    expect(isConnectFailure(new Error("Connection terminated unexpectedly"))).toBe(false);
    expect(isConnectFailure(pgError("ECONNRESET"))).toBe(false);
  });
});

describe("recognising a unique violation by its index", () => {
  it("reads the index from `constraint` (PostgreSQL, PGlite)", () => {
    const e = Object.assign(
      pgError("23505", 'duplicate key value violates unique constraint "x"'),
      {
        constraint: "operator_status_counter",
      },
    );
    expect(isUniqueViolation(e)).toBe(true);
    expect(isUniqueViolation(e, "operator_status_counter")).toBe(true);
    expect(isUniqueViolation(e, "tickets_operator_open")).toBe(false);
  });

  it("reads a Citus worker's error, which names the shard's index in the message only", () => {
    const e = pgError(
      "23505",
      'duplicate key value violates unique constraint "operator_status_counter_102032"',
    );
    expect(isUniqueViolation(e, "operator_status_counter")).toBe(true);
    // Another index that merely starts with the same name is not this one.
    expect(isUniqueViolation(e, "operator_status")).toBe(false);
    const other = pgError(
      "23505",
      'duplicate key value violates unique constraint "tickets_number_day_102040"',
    );
    expect(isUniqueViolation(other, "tickets_number")).toBe(false);
    expect(isUniqueViolation(other, "tickets_number_day")).toBe(true);
  });

  it("is not fooled by another error code naming the index", () => {
    const e = pgError("23503", 'violates foreign key constraint "operator_status_counter_102032"');
    expect(isUniqueViolation(e, "operator_status_counter")).toBe(false);
  });
});
