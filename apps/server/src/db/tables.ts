import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type ProvisioningStep = {
  key: string;
  status: "done" | "failed" | "skipped";
  ms: number;
  error?: string;
};

export type CompanyStatus = "INACTIVE" | "ACTIVE" | "SUSPENDED" | "DELETED";

export type CompaniesTable = {
  id: Generated<string>;
  slug: string;
  schema_name: string;
  name: string;
  status: CompanyStatus;
  admin_email: string;
  phone: string | null;
  address: string | null;
  description: string | null;
  default_language: "uz" | "ru" | "en";
  logo_id: string | null;
  schema_version: Generated<number>;
  migration_error: string | null;
  provisioning: Json<ProvisioningStep[]>;
  ready_requested_at: NullableTimestamp;
  activated_at: NullableTimestamp;
  suspended_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ProvisioningFailuresTable = {
  id: Generated<string>;
  slug: string;
  input: Json<Record<string, unknown>>;
  failed_step: string;
  error: string;
  steps: Json<ProvisioningStep[]>;
  attempts: Generated<number>;
  actor_id: string | null;
  created_at: Timestamp;
  resolved_at: NullableTimestamp;
  company_id: string | null;
};

export type LogosTable = {
  id: Generated<string>;
  content_type: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  created_at: Timestamp;
};

export type OutboxStatus = "PENDING" | "SENT" | "FAILED";

export type OutboxTable = {
  id: Generated<string>;
  channel: "email" | "sms";
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  company_id: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
};

export type AuditLogTable = {
  id: Generated<number>;
  at: Timestamp;
  actor_type: "SUPER_ADMIN" | "COMPANY_USER" | "SYSTEM";
  actor_id: string | null;
  actor_email: string | null;
  company_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Json<Record<string, unknown>>;
  ip: string | null;
  request_id: string | null;
};

/** Columns every account table (super admins, company staff) shares, so one auth service serves both. */
export type AccountColumns = {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_expires_at: NullableTimestamp;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SuperAdminsTable = AccountColumns;

export type StaffRole = "COMPANY_ADMIN" | "BRANCH_MANAGER" | "OPERATOR";

export type StaffTable = AccountColumns & {
  role: StaffRole;
  is_active: Generated<boolean>;
};

export type RefreshTokensTable = {
  id: Generated<string>;
  family_id: string;
  user_id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  created_at: Timestamp;
};

export type BrandingTable = {
  id: number;
  name: string;
  logo_id: string | null;
  primary_color: string | null;
  updated_at: Timestamp;
};

export type MigrationsTable = {
  version: number;
  name: string;
  applied_at: Timestamp;
};

/** Tables of one company's schema; reach them only through a company-bound handle. */
export type CompanyTables = {
  staff: StaffTable;
  refresh_tokens: RefreshTokensTable;
  branding: BrandingTable;
  schema_migrations: MigrationsTable;
};

export type SettingsTable = { key: string; value: string };

export type PlatformTables = {
  "platform.settings": SettingsTable;
  "platform.companies": CompaniesTable;
  "platform.provisioning_failures": ProvisioningFailuresTable;
  "platform.logos": LogosTable;
  "platform.outbox": OutboxTable;
  "platform.audit_log": AuditLogTable;
  "platform.super_admins": SuperAdminsTable;
  "platform.refresh_tokens": RefreshTokensTable;
  "platform.schema_migrations": MigrationsTable;
};

export type Database = PlatformTables & CompanyTables;
