import { createRng } from "./prng";
import type { SimAppointment, SimDay, SimOperator, SimPolicy, SimService } from "./day-sim";

/**
 * The bench's typical branch: a bank office open 09:00–18:00 with four services, ten operators
 * with overlapping skills, staggered lunch breaks, loan appointments with no-shows, and a day of
 * about 400 customers whose busiest hour (11:00) brings twice the hourly average. Days differ:
 * each has its own volume (±15 %), mix and appointment book, drawn from the day's seed.
 */

export const HOUR = 3600;
export const MINUTE = 60;

export const BRANCH_SERVICES: SimService[] = [
  { id: "cash", meanServiceSeconds: 4 * MINUTE, cv: 0.7, expectedServiceSeconds: 5 * MINUTE },
  { id: "cards", meanServiceSeconds: 8 * MINUTE, cv: 0.8, expectedServiceSeconds: 10 * MINUTE },
  { id: "loans", meanServiceSeconds: 15 * MINUTE, cv: 0.6, expectedServiceSeconds: 15 * MINUTE },
  { id: "consult", meanServiceSeconds: 6 * MINUTE, cv: 0.9, expectedServiceSeconds: 5 * MINUTE },
];

/** Walk-ins per day per service at volume 1. */
export const DAILY_WALK_INS: Record<string, number> = {
  cash: 160,
  cards: 100,
  loans: 50,
  consult: 80,
};

/** Share of the day's walk-ins in each hour from 09:00 (sums to 1; 11:00 is 2× the average). */
export const HOURLY_PROFILE = [0.5, 1.0, 2.0, 1.3, 0.8, 0.9, 1.3, 0.9, 0.3].map((x) => x / 9);

/** Operators and their skills; windows are built by `branchOperators`. */
export const BRANCH_SKILLS: Record<string, string[]> = {
  op1: ["cash"],
  op2: ["cash", "cards"],
  op3: ["cash", "consult"],
  op4: ["cards", "consult"],
  op5: ["cards", "loans"],
  op6: ["loans", "consult"],
  op7: ["loans"],
  op8: ["cash", "cards", "consult"],
  op9: ["cash", "loans", "cards"],
  op10: ["cash", "consult"],
};

export const CLOSE_SECONDS = 9 * HOUR;

/** Ten operators on duty all day with a 45-minute lunch (staggered 12:00–14:15) and a 15-minute afternoon break. */
export function branchOperators(skills: Record<string, string[]> = BRANCH_SKILLS): SimOperator[] {
  return Object.entries(skills).map(([id, serviceIds], i) => {
    const lunch = 3 * HOUR + (i % 4) * 30 * MINUTE; // 12:00, 12:30, 13:00, 13:30
    const coffee = 6 * HOUR + (i % 3) * 20 * MINUTE; // 15:00, 15:20, 15:40
    return {
      id,
      serviceIds,
      windows: [
        [0, lunch],
        [lunch + 45 * MINUTE, coffee],
        [coffee + 15 * MINUTE, CLOSE_SECONDS],
      ],
    };
  });
}

/** One simulated day of the branch; `day` picks the seed, so day n is the same every run. */
export function branchDay(
  day: number,
  policy: SimPolicy = "call-next",
  operators: SimOperator[] = branchOperators(),
  volume = 1,
): SimDay {
  const seed = 0x5eed0000 + day * 7919;
  const rng = createRng(seed ^ 0xa5a5a5a5);
  const dayVolume = volume * Math.exp(0.15 * rng.normal() - 0.01125);
  const arrivalsPerHour: Record<string, number[]> = {};
  for (const [service, daily] of Object.entries(DAILY_WALK_INS)) {
    const mix = Math.exp(0.1 * rng.normal() - 0.005);
    arrivalsPerHour[service] = HOURLY_PROFILE.map((share) => daily * dayVolume * mix * share);
  }
  // Loan appointments on a 30-minute grid from 09:30 to 17:00, each booked with probability 0.6.
  const appointments: SimAppointment[] = [];
  for (let t = 30 * MINUTE; t <= 8 * HOUR; t += 30 * MINUTE) {
    if (rng.chance(0.6)) appointments.push({ serviceId: "loans", atSeconds: t });
  }
  return {
    seed,
    closeSeconds: CLOSE_SECONDS,
    services: BRANCH_SERVICES,
    arrivalsPerHour,
    priorityShare: 0.05,
    appointments,
    noShowShare: 0.15,
    checkIn: { meanSeconds: -7 * MINUTE, sdSeconds: 5 * MINUTE },
    operators,
    policy,
  };
}

/**
 * Binds each operator to ONE of their skills for per-service FIFO at equal staffing: operators per
 * service in proportion to its offered load (largest remainder, at least one each), then a
 * matching that respects skills where one exists.
 */
export function bindOperators(
  operators: SimOperator[],
  loadByService: Record<string, number>,
): SimOperator[] {
  const services = Object.keys(loadByService);
  const total = services.reduce((s, k) => s + loadByService[k]!, 0);
  const n = operators.length;
  const exact = services.map((s) => (loadByService[s]! / total) * n);
  const quota = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = n - quota.reduce((a, b) => a + b, 0);
  const byRemainder = services
    .map((_, i) => i)
    .sort((a, b) => exact[b]! - quota[b]! - (exact[a]! - quota[a]!));
  for (let k = 0; left > 0; k = (k + 1) % services.length, left--) quota[byRemainder[k]!]! += 1;
  // Backtracking: operator i takes a service it has skill for with quota left.
  const assignment: string[] = [];
  const tryAssign = (i: number, respectSkills: boolean): boolean => {
    if (i === n) return true;
    for (let s = 0; s < services.length; s++) {
      if (quota[s]! === 0) continue;
      if (respectSkills && !operators[i]!.serviceIds.includes(services[s]!)) continue;
      quota[s]! -= 1;
      assignment[i] = services[s]!;
      if (tryAssign(i + 1, respectSkills)) return true;
      quota[s]! += 1;
    }
    return false;
  };
  if (!tryAssign(0, true) && !tryAssign(0, false)) throw new Error("cannot bind operators");
  return operators.map((op, i) => ({ ...op, serviceIds: [assignment[i]!] }));
}

/** Offered load (customer-seconds) per service at volume 1, appointments included. */
export function branchLoad(): Record<string, number> {
  const load: Record<string, number> = {};
  for (const s of BRANCH_SERVICES) load[s.id] = (DAILY_WALK_INS[s.id] ?? 0) * s.meanServiceSeconds;
  load.loans = (load.loans ?? 0) + 16 * 0.6 * 0.85 * 15 * MINUTE;
  return load;
}
