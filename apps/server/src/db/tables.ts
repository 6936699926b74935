import type {
  AuditActorType,
  CompanyStatus,
  DeviceKind,
  I18nText,
  StaffRole,
  TicketSource,
} from "@equeue/contracts";
import type { LateArrival, NumberScheme } from "@equeue/core";
import type { ColumnType, Generated } from "kysely";
import type {
  BookingSlotsTable,
  EventCursorsTable,
  OperatorStatusTable,
  RatingsTable,
  ReportRollupStateTable,
  ReportRollupsTable,
  ReportDaysTable,
  ReportMonthOperatorCellsTable,
  ReportMonthOperatorsTable,
  ReportMonthServiceOperatorsTable,
  ReportMonthServicesTable,
  ReportMonthsTable,
  ReportDayServicesTable,
  ReportDayServiceOperatorsTable,
  ReportDayOperatorCellsTable,
  ReportDayOperatorsTable,
  OperatorStatusLogTable,
  ServiceStatsTable,
  TicketEventsTable,
  TicketSeriesTable,
  TicketsTable,
} from "./queue-tables";
import type { IntegrationTables } from "./integration-tables";

export type * from "./queue-tables";
export type * from "./integration-tables";
export type * from "./customer-tables";

import type { Json, NullableTimestamp, Timestamp } from "./column-types";
import type {
  CompanyRatingsTable,
  CustomerChatsTable,
  CustomerCodesTable,
  CustomersTable,
  NotificationSettingsTable,
  OutboxTable,
  PushSubscriptionsTable,
  TelegramLinkTokensTable,
  TicketChannelPrefsTable,
  TicketChatsTable,
  TicketIndexTable,
  TicketRemindersTable,
  WaitAlertsTable,
} from "./customer-tables";

export type ProvisioningStep = {
  key: string;
  status: "done" | "failed" | "skipped";
  ms: number;
  error?: string;
};

export type { CompanyStatus };

export type CompaniesTable = {
  id: Generated<string>;
  slug: string;
  schema_name: string;
  name: string;
  status: CompanyStatus;
  admin_email: string;
  phone: string | null;
  address: string | null;
  /** `{ uz, ru, en }`, any of them; null when the company wrote none. */
  description: ColumnType<Partial<I18nText> | null, string | null | undefined, string | null>;
  default_language: "uz" | "ru" | "en";
  logo_id: string | null;
  schema_version: Generated<number>;
  migration_error: string | null;
  provisioning: Json<ProvisioningStep[]>;
  ready_requested_at: NullableTimestamp;
  activated_at: NullableTimestamp;
  suspended_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
  /** Company access tokens issued before this are refused (set at suspend and delete). */
  sessions_valid_after: NullableTimestamp;
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

export type AuditLogTable = {
  id: Generated<number>;
  at: Timestamp;
  actor_type: AuditActorType;
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
  /** When a one-time password (must_change_password) was consumed by its first login. */
  password_used_at: NullableTimestamp;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SuperAdminsTable = AccountColumns;

export type { StaffRole };

export type StaffTable = AccountColumns & {
  role: StaffRole;
  is_active: Generated<boolean>;
  phone: string | null;
  branch_id: string | null;
  counter_id: string | null;
  weekly_schedule: Json<WeeklyHours>;
};

/** Text in the three UI languages; `uz` is always present. */
export type { I18nText };

export type DayHours = { open: string; close: string; breaks: { start: string; end: string }[] };
/** Keys are ISO weekdays "1" (Monday) … "7" (Sunday); a missing day is closed. */
export type WeeklyHours = Partial<Record<"1" | "2" | "3" | "4" | "5" | "6" | "7", DayHours>>;

export type BranchesTable = {
  id: Generated<string>;
  slug: string;
  code: string;
  name: Json<I18nText>;
  address: Json<Partial<I18nText>>;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  time_zone: Generated<string>;
  status: Generated<"OPEN" | "CLOSED">;
  weekly_hours: Json<WeeklyHours>;
  number_scheme: Generated<NumberScheme>;
  no_show_grace_seconds: Generated<number>;
  daily_ticket_limit: number | null;
  booking_horizon_days: Generated<number>;
  /** At most this many online bookings per slot; null: every operator scheduled. */
  online_cap_per_slot: number | null;
  keep_overnight: Generated<boolean>;
  check_in_early_minutes: Generated<number>;
  check_in_late_minutes: Generated<number>;
  late_arrival: Generated<LateArrivalRule>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** What becomes of a booking whose customer has not checked in when the window closes. */
export type LateArrivalRule = LateArrival;

export type BranchExceptionsTable = {
  id: Generated<string>;
  branch_id: string;
  day: ColumnType<string, string, string>;
  kind: "CLOSED" | "SHORT_DAY";
  opens_at: string | null;
  closes_at: string | null;
  note: string | null;
  created_at: Timestamp;
};

export type ServicesTable = {
  id: Generated<string>;
  code: string;
  letter: string;
  name: Json<I18nText>;
  description: Json<Partial<I18nText>>;
  duration_minutes: number;
  priority: Generated<number>;
  head_start_seconds: Generated<number>;
  online_booking: Generated<boolean>;
  show_on_kiosk: Generated<boolean>;
  is_active: Generated<boolean>;
  /** A waiting customer at this place in line or nearer is told "nearly up" (0: never). */
  nearly_up_position: Generated<number>;
  /** Also "nearly up" when the estimated wait drops to this many minutes (0: never). */
  nearly_up_minutes: Generated<number>;
  /** Staff are alerted when the longest wait passes this (null: no target). */
  target_wait_minutes: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type BranchServicesTable = {
  branch_id: string;
  service_id: string;
  enabled: Generated<boolean>;
};

export type CountersTable = {
  id: Generated<string>;
  branch_id: string;
  number: number;
  name: string | null;
  is_active: Generated<boolean>;
  created_at: Timestamp;
};

export type StaffBranchesTable = { staff_id: string; branch_id: string };
export type StaffServicesTable = { staff_id: string; service_id: string };

export type { DeviceKind };

export type DevicesTable = {
  id: Generated<string>;
  branch_id: string;
  kind: DeviceKind;
  name: string;
  settings: Json<Record<string, unknown>>;
  pairing_code_hash: string | null;
  pairing_expires_at: NullableTimestamp;
  pairing_attempts: Generated<number>;
  token_hash: string | null;
  paired_at: NullableTimestamp;
  last_seen_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  created_at: Timestamp;
};

export type { TicketSource };

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
  branches: BranchesTable;
  branch_exceptions: BranchExceptionsTable;
  services: ServicesTable;
  branch_services: BranchServicesTable;
  counters: CountersTable;
  staff_branches: StaffBranchesTable;
  staff_services: StaffServicesTable;
  devices: DevicesTable;
  tickets: TicketsTable;
  ticket_series: TicketSeriesTable;
  ticket_events: TicketEventsTable;
  event_cursors: EventCursorsTable;
  operator_status: OperatorStatusTable;
  service_stats: ServiceStatsTable;
  booking_slots: BookingSlotsTable;
  ratings: RatingsTable;
  report_rollups: ReportRollupsTable;
  report_rollup_state: ReportRollupStateTable;
  report_days: ReportDaysTable;
  report_day_operators: ReportDayOperatorsTable;
  report_day_services: ReportDayServicesTable;
  report_day_service_operators: ReportDayServiceOperatorsTable;
  report_day_operator_cells: ReportDayOperatorCellsTable;
  report_months: ReportMonthsTable;
  report_month_operators: ReportMonthOperatorsTable;
  report_month_services: ReportMonthServicesTable;
  report_month_service_operators: ReportMonthServiceOperatorsTable;
  report_month_operator_cells: ReportMonthOperatorCellsTable;
  operator_status_log: OperatorStatusLogTable;
  refresh_tokens: RefreshTokensTable;
  branding: BrandingTable;
  notification_settings: NotificationSettingsTable;
  wait_alerts: WaitAlertsTable;
  ticket_reminders: TicketRemindersTable;
  schema_migrations: MigrationsTable;
};

export type SettingsTable = { key: string; value: string };

export type PlatformTables = {
  "platform.settings": SettingsTable;
  "platform.companies": CompaniesTable;
  "platform.provisioning_failures": ProvisioningFailuresTable;
  "platform.logos": LogosTable;
  "platform.outbox": OutboxTable;
  "platform.ticket_index": TicketIndexTable;
  "platform.telegram_link_tokens": TelegramLinkTokensTable;
  "platform.ticket_chats": TicketChatsTable;
  "platform.push_subscriptions": PushSubscriptionsTable;
  "platform.ticket_channel_prefs": TicketChannelPrefsTable;
  "platform.audit_log": AuditLogTable;
  "platform.super_admins": SuperAdminsTable;
  "platform.refresh_tokens": RefreshTokensTable;
  "platform.customers": CustomersTable;
  "platform.customer_chats": CustomerChatsTable;
  "platform.customer_codes": CustomerCodesTable;
  "platform.customer_refresh_tokens": RefreshTokensTable;
  "platform.company_ratings": CompanyRatingsTable;
  "platform.schema_migrations": MigrationsTable;
};

export type Database = PlatformTables & IntegrationTables & CompanyTables;
