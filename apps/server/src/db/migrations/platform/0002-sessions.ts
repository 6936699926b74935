import type { Migration } from "../migration";

/**
 * Sessions end with the company: access tokens of a company issued before
 * `sessions_valid_after` are refused (set when the company is suspended or deleted). A one-time
 * password is consumed by its first login (`password_used_at`).
 */
export const platformSessions: Migration = {
  version: 2,
  name: "sessions-cut-off-and-one-time-passwords",
  statements: (s) => [
    `alter table ${s}.companies add column sessions_valid_after timestamptz`,
    `alter table ${s}.super_admins add column password_used_at timestamptz`,
  ],
};
