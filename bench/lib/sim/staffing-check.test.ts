import { describe, expect, it } from "vitest";
import { bindOperators, branchLoad, branchOperators } from "./branch";
import {
  advisedPlan,
  CHECK_INTERVAL_SECONDS,
  erlangACheck,
  operatorsForPlan,
  staffingCheck,
} from "./staffing-check";

describe("staffing check", () => {
  it("puts on duty exactly the advised number of operators in every 15-minute interval", () => {
    const plan = advisedPlan(400);
    const operators = operatorsForPlan(plan);
    plan.forEach((p, i) => {
      const mid = (i + 0.5) * CHECK_INTERVAL_SECONDS;
      const onDuty = operators.filter((o) => o.windows.some(([s, e]) => mid >= s && mid < e));
      expect(onDuty).toHaveLength(p.agents);
    });
  });

  it("the simulator's service level at the advised staffing is near Erlang C's", () => {
    const r = staffingCheck(400, 8);
    expect(Math.abs(r.simulated_service_level - r.erlang_c_service_level)).toBeLessThan(0.06);
    expect(r.simulated_service_level).toBeGreaterThan(0.8);
  });
});

describe("Erlang A check", () => {
  it("the simulator's abandonment with impatient customers is near Erlang A's", () => {
    const [row] = erlangACheck(6, [5]);
    expect(row!.simulated_p_abandon).toBeGreaterThan(0.1);
    expect(Math.abs(row!.simulated_p_abandon - row!.erlang_a_p_abandon)).toBeLessThan(0.03);
    expect(Math.abs(row!.simulated_p_wait - row!.erlang_a_p_wait)).toBeLessThan(0.05);
  });
});

describe("FIFO binding", () => {
  it("binds every operator to one of their skills, staffing each service", () => {
    const skills = branchOperators();
    const bound = bindOperators(skills, branchLoad());
    expect(bound).toHaveLength(skills.length);
    bound.forEach((o, i) => expect(skills[i]!.serviceIds).toContain(o.serviceIds[0]));
    for (const s of ["cash", "cards", "loans", "consult"])
      expect(bound.some((o) => o.serviceIds[0] === s)).toBe(true);
  });
});
