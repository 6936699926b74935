import type { Migration } from "../migration";

/**
 * What integrators use: company API keys (a public prefix to find the key, the secret only as a
 * SHA-256 of a 256-bit random token, scopes, a per-key rate limit, last use, revocation) and
 * signed webhooks (endpoints per company subscribed to event types, and one delivery per
 * endpoint and queue event — unique, so a redelivered event is never sent twice). They live in
 * the platform schema beside the outbox: one delivery worker reads every company's due
 * deliveries without visiting each company schema.
 */
export const platformIntegrations: Migration = {
  version: 9,
  name: "integrations",
  statements: (s) => [
    `create table ${s}.api_keys (
      id uuid primary key default gen_random_uuid(),
      company_id uuid not null references ${s}.companies(id) on delete cascade,
      prefix text not null unique,
      secret_hash text not null,
      name text not null,
      scopes jsonb not null default '[]',
      rate_limit_per_minute integer not null check (rate_limit_per_minute between 1 and 6000),
      created_by uuid,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz)`,
    `create index api_keys_company on ${s}.api_keys (company_id, created_at)`,
    `create table ${s}.webhook_endpoints (
      id uuid primary key default gen_random_uuid(),
      company_id uuid not null references ${s}.companies(id) on delete cascade,
      url text not null,
      description text not null default '',
      event_types jsonb not null default '[]',
      secret text not null,
      status text not null default 'ACTIVE' check (status in ('ACTIVE','PAUSED','DISABLED')),
      paused_reason text,
      consecutive_failures integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now())`,
    `create index webhook_endpoints_company on ${s}.webhook_endpoints (company_id)`,
    `create table ${s}.webhook_deliveries (
      id bigserial primary key,
      endpoint_id uuid not null references ${s}.webhook_endpoints(id) on delete cascade,
      company_id uuid not null,
      event_id bigint not null,
      event_type text not null,
      ticket_id uuid,
      payload jsonb not null,
      status text not null default 'PENDING' check (status in ('PENDING','DELIVERED','FAILED')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_status_code integer,
      last_error text,
      created_at timestamptz not null default now(),
      delivered_at timestamptz,
      unique (endpoint_id, event_id))`,
    `create index webhook_deliveries_due on ${s}.webhook_deliveries (next_attempt_at)
      where status = 'PENDING'`,
    `create index webhook_deliveries_endpoint on ${s}.webhook_deliveries (endpoint_id, id desc)`,
  ],
};
