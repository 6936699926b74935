/** Company setting: one series per source (the plan's O-/K-) or one letter per service. */
export const NUMBER_SCHEME = {
  BY_SOURCE: "BY_SOURCE",
  BY_SERVICE: "BY_SERVICE",
} as const;
export type NumberScheme = (typeof NUMBER_SCHEME)[keyof typeof NUMBER_SCHEME];

/** What becomes of a booking whose customer has not checked in when the window closes. */
export const LATE_ARRIVAL = { WALK_IN: "WALK_IN", EXPIRE: "EXPIRE" } as const;
export type LateArrival = (typeof LATE_ARRIVAL)[keyof typeof LATE_ARRIVAL];

/** A branch is taking customers (OPEN) or closed by its admin (CLOSED). */
export const BRANCH_STATUSES = ["OPEN", "CLOSED"] as const;
export type BranchStatus = (typeof BRANCH_STATUSES)[number];

/** A day off the weekly hours: closed, or open shorter. */
export const EXCEPTION_KINDS = ["CLOSED", "SHORT_DAY"] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
