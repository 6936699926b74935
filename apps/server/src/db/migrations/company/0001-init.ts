import type { Migration } from "../migration";

export const companyInit: Migration = {
  version: 1,
  name: "accounts-and-branding",
  statements: (s) => [
    `create table ${s}.staff (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      role text not null check (role in ('COMPANY_ADMIN','BRANCH_MANAGER','OPERATOR')),
      password_hash text not null,
      must_change_password boolean not null default false,
      password_expires_at timestamptz,
      is_active boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now())`,
    `create unique index staff_email on ${s}.staff (lower(email))`,
    `create table ${s}.refresh_tokens (
      id uuid primary key default gen_random_uuid(),
      family_id uuid not null,
      user_id uuid not null,
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now())`,
    `create index refresh_tokens_family on ${s}.refresh_tokens (family_id)`,
    `create table ${s}.branding (
      id integer primary key check (id = 1),
      name text not null,
      logo_id uuid,
      primary_color text,
      updated_at timestamptz not null default now())`,
  ],
};
