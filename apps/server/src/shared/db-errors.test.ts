import { describe, expect, it } from "vitest";
import { isConnectFailure, isDatabaseUnavailable } from "./db-errors";

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
