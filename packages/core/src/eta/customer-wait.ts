import { estimateWait, WAIT_BASIS, type WaitEstimate } from "../wait-time";
import { DEFAULT_ETA_MODEL, estimateEta, etaMinutes, type EtaInput, type EtaModel } from "./eta";

/** Calls of the service within the model's window before `now`. */
function callsInWindow(input: EtaInput, model: EtaModel): number {
  const now = input.now.getTime();
  const since = now - model.windowSeconds * 1000;
  return input.recentCalls.filter((c) => {
    const at = c.calledAt.getTime();
    return at >= since && at <= now;
  }).length;
}

/**
 * The wait a customer is shown (ticket page, kiosk, portal) and quoted at issue: the delay-history
 * ETA (`estimateEta`) with its 80 % interval, in whole minutes, once the line has a delay history
 * (at least the model's `minCalls` calls in its window). Without one — the day's first tickets,
 * a quiet line — the blend's history terms are zero and it would quote too little, so the plain
 * estimate (`estimateWait`: people ahead × service time ÷ operators) stands; so does its wide
 * "no operators" range while nobody serves the service (recent calls say little about when
 * someone comes back).
 */
export function customerWait(input: EtaInput, model: EtaModel = DEFAULT_ETA_MODEL): WaitEstimate {
  if (input.operatorsServing === 0 || callsInWindow(input, model) < model.minCalls) {
    return estimateWait(input);
  }
  const eta = etaMinutes(estimateEta(input, model));
  return {
    minutes: eta.minutes,
    lowMinutes: eta.lowMinutes,
    highMinutes: eta.highMinutes,
    noOperators: false,
    basis: input.smoothedServiceSeconds === null ? WAIT_BASIS.EXPECTED : WAIT_BASIS.HISTORY,
  };
}
