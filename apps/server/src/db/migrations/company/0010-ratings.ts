import type { Migration } from "../migration";

/**
 * Customers rate a finished visit: 1–5 stars and an optional comment, once per ticket (the
 * ticket is the key), stored in the company's own schema for its admins to read.
 */
export const companyRatings: Migration = {
  version: 10,
  name: "ratings",
  statements: (s) => [
    `create table ${s}.ratings (
      ticket_id uuid primary key references ${s}.tickets(id) on delete cascade,
      branch_id uuid not null,
      service_id uuid not null,
      stars smallint not null check (stars between 1 and 5),
      comment text check (char_length(comment) <= 500),
      created_at timestamptz not null default now())`,
    `create index ratings_created on ${s}.ratings (created_at desc)`,
  ],
};
