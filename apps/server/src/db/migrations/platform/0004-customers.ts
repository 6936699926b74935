import type { Migration } from "../migration";

/**
 * Customers of the portal: a phone number proven with a one-time code sent by SMS. Codes are
 * stored hashed, live five minutes, are used once and allow a few wrong attempts; the refresh
 * tokens of customers live beside (not among) those of the super admins, so neither realm's
 * refresh endpoint can rotate the other's. And each company's ratings in sum (count and stars),
 * kept with every rating in the same transaction, so the directory shows averages without
 * reading every company's schema.
 */
export const platformCustomers: Migration = {
  version: 4,
  name: "customers-and-rating-totals",
  statements: (s) => [
    `create table ${s}.customers (
      id uuid primary key default gen_random_uuid(),
      phone text not null unique,
      created_at timestamptz not null default now(),
      last_sign_in_at timestamptz)`,
    `create table ${s}.customer_codes (
      id uuid primary key default gen_random_uuid(),
      phone text not null,
      code_hash text not null,
      expires_at timestamptz not null,
      attempts integer not null default 0,
      used_at timestamptz,
      created_at timestamptz not null default now())`,
    `create index customer_codes_phone on ${s}.customer_codes (phone, created_at desc)`,
    `create table ${s}.customer_refresh_tokens (
      id uuid primary key default gen_random_uuid(),
      family_id uuid not null,
      user_id uuid not null references ${s}.customers(id) on delete cascade,
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now())`,
    `create index customer_refresh_tokens_family on ${s}.customer_refresh_tokens (family_id)`,
    `create table ${s}.company_ratings (
      company_id uuid primary key references ${s}.companies(id) on delete cascade,
      ratings integer not null default 0,
      stars_total integer not null default 0)`,
  ],
};
