import { erlangA, staffingPlan, type StaffingAdvice } from "@equeue/core";
import { simulateDay, waitOf, type SimDay, type SimOperator } from "./day-sim";
import { CLOSE_SECONDS, HOURLY_PROFILE, MINUTE } from "./branch";

/**
 * Checks Erlang C's staffing advice against the simulator: one service (a cash desk, 5-minute
 * lognormal service with cv 1, close to Erlang C's exponential), the branch's hourly profile,
 * the advised operators per 15-minute interval for 80 % called within 5 minutes; then the
 * simulated share of customers called within 5 minutes, per hour and for the day.
 */

export const CHECK_INTERVAL_SECONDS = 15 * MINUTE;
export const CHECK_TARGET = { targetSeconds: 5 * MINUTE, serviceLevel: 0.8 };
export const CHECK_SERVICE = {
  id: "cash",
  meanServiceSeconds: 5 * MINUTE,
  cv: 1,
  expectedServiceSeconds: 5 * MINUTE,
};

/** The advice per 15-minute interval for `daily` customers a day. */
export function advisedPlan(daily: number): StaffingAdvice[] {
  const intervals = [];
  for (let t = 0; t < CLOSE_SECONDS; t += CHECK_INTERVAL_SECONDS) {
    const hour = Math.floor(t / 3600);
    intervals.push({
      arrivals: (daily * HOURLY_PROFILE[hour]! * CHECK_INTERVAL_SECONDS) / 3600,
      handleSeconds: CHECK_SERVICE.meanServiceSeconds,
    });
  }
  return staffingPlan(intervals, CHECK_TARGET, CHECK_INTERVAL_SECONDS);
}

/** Operators on duty per the plan: operator k works every interval that needs more than k. */
export function operatorsForPlan(plan: readonly StaffingAdvice[]): SimOperator[] {
  const most = Math.max(...plan.map((p) => p.agents));
  const operators: SimOperator[] = [];
  for (let k = 0; k < most; k++) {
    const windows: Array<[number, number]> = [];
    plan.forEach((p, i) => {
      if (p.agents <= k) return;
      const start = i * CHECK_INTERVAL_SECONDS;
      const end = i === plan.length - 1 ? CLOSE_SECONDS : start + CHECK_INTERVAL_SECONDS;
      const last = windows[windows.length - 1];
      if (last && last[1] === start) last[1] = end;
      else windows.push([start, end]);
    });
    operators.push({ id: `op${k + 1}`, serviceIds: [CHECK_SERVICE.id], windows });
  }
  return operators;
}

export type StaffingHour = {
  hour: string;
  arrivals_per_h: number;
  advised_operators: string;
  erlang_c_service_level: number;
  simulated_service_level: number;
  simulated_tickets: number;
};

export type StaffingCheck = {
  daily: number;
  target: string;
  days: number;
  hours: StaffingHour[];
  erlang_c_service_level: number;
  simulated_service_level: number;
  simulated_average_wait_s: number;
  erlang_c_average_wait_s: number;
  operator_hours: number;
};

/** Runs `days` seeded days at the advised staffing and compares service levels. */
export function staffingCheck(daily = 400, days = 40, firstSeed = 0x57aff): StaffingCheck {
  const plan = advisedPlan(daily);
  const operators = operatorsForPlan(plan);
  const perHour = HOURLY_PROFILE.map(() => ({ within: 0, total: 0 }));
  let waitSum = 0;
  let count = 0;
  for (let d = 0; d < days; d++) {
    const day: SimDay = {
      seed: firstSeed + d * 104729,
      closeSeconds: CLOSE_SECONDS,
      services: [CHECK_SERVICE],
      arrivalsPerHour: { [CHECK_SERVICE.id]: HOURLY_PROFILE.map((share) => daily * share) },
      priorityShare: 0,
      appointments: [],
      noShowShare: 0,
      checkIn: { meanSeconds: 0, sdSeconds: 0 },
      operators,
      policy: "call-next",
    };
    for (const t of simulateDay(day).tickets) {
      const wait = waitOf(t)!;
      const h = perHour[Math.min(perHour.length - 1, Math.floor(t.arrivalSeconds / 3600))]!;
      h.total += 1;
      if (wait <= CHECK_TARGET.targetSeconds) h.within += 1;
      waitSum += wait;
      count += 1;
    }
  }
  const hours: StaffingHour[] = HOURLY_PROFILE.map((share, h) => {
    const slice = plan.slice(h * 4, h * 4 + 4);
    const predicted =
      slice.reduce((s, p) => s + p.serviceLevel * p.arrivalRate, 0) /
      slice.reduce((s, p) => s + p.arrivalRate, 0);
    return {
      hour: `${String(9 + h).padStart(2, "0")}:00`,
      arrivals_per_h: Math.round(daily * share),
      advised_operators: slice.map((p) => p.agents).join("/"),
      erlang_c_service_level: predicted,
      simulated_service_level: perHour[h]!.within / Math.max(1, perHour[h]!.total),
      simulated_tickets: perHour[h]!.total,
    };
  });
  const totalRate = plan.reduce((s, p) => s + p.arrivalRate, 0);
  return {
    daily,
    target: `${CHECK_TARGET.serviceLevel * 100} % called within ${CHECK_TARGET.targetSeconds / 60} min`,
    days,
    hours,
    erlang_c_service_level:
      plan.reduce((s, p) => s + p.serviceLevel * p.arrivalRate, 0) / totalRate,
    simulated_service_level:
      perHour.reduce((s, h) => s + h.within, 0) / perHour.reduce((s, h) => s + h.total, 0),
    simulated_average_wait_s: waitSum / count,
    erlang_c_average_wait_s:
      plan.reduce((s, p) => s + p.averageWaitSeconds * p.arrivalRate, 0) / totalRate,
    operator_hours: plan.reduce((s, p) => s + p.agents, 0) / 4,
  };
}

export type ErlangACheckRow = {
  agents: number;
  arrivals_per_h: number;
  handle_s: number;
  patience_s: number;
  tickets: number;
  erlang_a_p_wait: number;
  simulated_p_wait: number;
  erlang_a_p_abandon: number;
  simulated_p_abandon: number;
  erlang_a_average_wait_s: number;
  simulated_average_wait_s: number;
};

/**
 * Erlang A against the simulator with impatient customers: a steady 8-hour day (one service,
 * 5-minute lognormal service with cv 1, 60 arrivals an hour = 5 Erlangs, mean patience 10 min)
 * at 4, 5 and 6 operators — below, at and just above the traffic, where Erlang C has no answer.
 * The first hour is a warm-up and is not counted.
 */
export function erlangACheck(days = 40, agentsList = [4, 5, 6]): ErlangACheckRow[] {
  const perHour = 60;
  const patience = 10 * MINUTE;
  const close = 8 * 3600;
  return agentsList.map((agents) => {
    let tickets = 0;
    let waited = 0;
    let abandoned = 0;
    let waitSum = 0;
    for (let d = 0; d < days; d++) {
      const day: SimDay = {
        seed: 0xa11ce + d * 7907,
        closeSeconds: close,
        services: [CHECK_SERVICE],
        arrivalsPerHour: { [CHECK_SERVICE.id]: Array.from({ length: 8 }, () => perHour) },
        priorityShare: 0,
        patienceSeconds: patience,
        appointments: [],
        noShowShare: 0,
        checkIn: { meanSeconds: 0, sdSeconds: 0 },
        operators: Array.from({ length: agents }, (_, i) => ({
          id: `op${i + 1}`,
          serviceIds: [CHECK_SERVICE.id],
          windows: [[0, close]] as Array<[number, number]>,
        })),
        policy: "call-next",
      };
      for (const t of simulateDay(day).tickets) {
        if (t.arrivalSeconds < 3600) continue;
        tickets += 1;
        const left = t.calledSeconds ?? t.abandonedSeconds!;
        if (left > t.arrivalSeconds) waited += 1;
        if (t.abandonedSeconds !== null) abandoned += 1;
        waitSum += left - t.arrivalSeconds;
      }
    }
    const a = erlangA({
      arrivalRate: perHour / 3600,
      handleSeconds: CHECK_SERVICE.meanServiceSeconds,
      patienceSeconds: patience,
      agents,
    });
    return {
      agents,
      arrivals_per_h: perHour,
      handle_s: CHECK_SERVICE.meanServiceSeconds,
      patience_s: patience,
      tickets,
      erlang_a_p_wait: a.pWait,
      simulated_p_wait: waited / tickets,
      erlang_a_p_abandon: a.pAbandon,
      simulated_p_abandon: abandoned / tickets,
      erlang_a_average_wait_s: a.averageWaitSeconds,
      simulated_average_wait_s: waitSum / tickets,
    };
  });
}
