// The hours' fields are defined once in @equeue/contracts, with the bodies that use them.
export { timeOfDay, weeklyHoursInput as weeklyHoursSchema } from "@equeue/contracts/schemas";

/** "09:00:00" from the database → "09:00". */
export const shortTime = (t: string | null) => (t ? t.slice(0, 5) : null);
