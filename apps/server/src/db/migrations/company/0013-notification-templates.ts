import type { Migration } from "../migration";

/**
 * The company's notification settings (one row): its own texts per trigger and language, when
 * bookings are reminded, and the quiet hours reminders wait out. Per service, "nearly up" by
 * estimated wait and the target wait staff are alerted over; per ticket, the customer's e-mail
 * (booking confirmations with a calendar file); per (branch, service), the wait-alert episode in
 * progress, so an alert goes out once until the wait is back under target; and the reminders
 * already sent per booking (a rescheduled booking is reminded again for its new time).
 */
export const companyNotificationTemplates: Migration = {
  version: 13,
  name: "notification-templates",
  statements: (s) => [
    `create table ${s}.notification_settings (
      id boolean primary key default true check (id),
      templates jsonb not null default '{}'::jsonb,
      reminder_day_before_at text check (reminder_day_before_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      reminder_minutes_before integer default 60
        check (reminder_minutes_before between 5 and 2880),
      quiet_from text check (quiet_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      quiet_to text check (quiet_to ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      updated_at timestamptz not null default now(),
      check ((quiet_from is null) = (quiet_to is null)))`,
    `insert into ${s}.notification_settings (id) values (true)`,
    `alter table ${s}.services add column nearly_up_minutes integer not null default 0
      constraint services_nearly_up_minutes_check check (nearly_up_minutes between 0 and 240)`,
    `alter table ${s}.services add column target_wait_minutes integer
      constraint services_target_wait_minutes_check check (target_wait_minutes between 1 and 1440)`,
    `alter table ${s}.tickets add column customer_email text`,
    `create table ${s}.wait_alerts (
      branch_id uuid not null references ${s}.branches(id) on delete cascade,
      service_id uuid not null references ${s}.services(id) on delete cascade,
      started_at timestamptz not null,
      primary key (branch_id, service_id))`,
    `create table ${s}.ticket_reminders (
      ticket_id uuid not null references ${s}.tickets(id) on delete cascade,
      kind text not null check (kind in ('DAY_BEFORE','BEFORE')),
      appointment_at timestamptz not null,
      sent_at timestamptz not null default now(),
      primary key (ticket_id, kind, appointment_at))`,
  ],
};
