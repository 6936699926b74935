import type { Migration } from "../migration";

/** A one-time password is consumed by its first login; a new invite or reset clears this. */
export const companyOneTimePasswords: Migration = {
  version: 6,
  name: "one-time-passwords",
  statements: (s) => [`alter table ${s}.staff add column password_used_at timestamptz`],
};
