import type { Migration } from "../migration";

/**
 * A message that carries a secret (a customer's sign-in code, a one-time password in an
 * invitation) is marked so: where its channel really sends, the Super Admin's outbox shows
 * that it went, not what it said, so nobody signs in as a customer or a bank's clerk from there.
 */
export const platformSecretMessages: Migration = {
  version: 12,
  name: "secret-messages",
  statements: (s) => [`alter table ${s}.outbox add column secret boolean not null default false`],
};
