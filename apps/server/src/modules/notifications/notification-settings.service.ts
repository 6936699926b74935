import { smsSegments, TEMPLATE_PLACEHOLDERS, toGsmFriendly } from "@equeue/core";
import { auditChange, inTransaction, tablesOf, type SetupEnv } from "../setup-common";
import {
  DEFAULT_TEMPLATES,
  LANGUAGES,
  NOTIFICATION_TRIGGERS,
  notificationText,
  type CustomTemplates,
  type Trigger,
} from "./notification-texts";
import { loadNotificationSettings } from "./notification-settings.repository";
import type {
  NotificationSettingsDto,
  UpdateNotificationSettings,
} from "./notification-settings.schema";

function toDto(row: Awaited<ReturnType<typeof loadNotificationSettings>>): NotificationSettingsDto {
  const custom = row.templates as CustomTemplates;
  return {
    placeholders: [...TEMPLATE_PLACEHOLDERS],
    templates: NOTIFICATION_TRIGGERS.map((trigger) => ({
      trigger,
      defaults: DEFAULT_TEMPLATES[trigger],
      custom: {
        uz: custom[trigger]?.uz?.trim() || null,
        ru: custom[trigger]?.ru?.trim() || null,
        en: custom[trigger]?.en?.trim() || null,
      },
    })),
    reminders: {
      dayBeforeAt: row.reminder_day_before_at,
      minutesBefore: row.reminder_minutes_before,
    },
    quietHours: row.quiet_from && row.quiet_to ? { from: row.quiet_from, to: row.quiet_to } : null,
  };
}

export async function getNotificationSettings(env: SetupEnv): Promise<NotificationSettingsDto> {
  return toDto(await loadNotificationSettings(tablesOf(env)));
}

/** Only non-empty texts are kept: an empty one is "the default". */
function compact(templates: NonNullable<UpdateNotificationSettings["templates"]>): CustomTemplates {
  const out: CustomTemplates = {};
  for (const trigger of NOTIFICATION_TRIGGERS) {
    const byLang = templates[trigger];
    if (!byLang) continue;
    for (const lang of LANGUAGES) {
      const text = byLang[lang]?.trim();
      if (text) (out[trigger] ??= {})[lang] = text;
    }
  }
  return out;
}

export async function updateNotificationSettings(
  env: SetupEnv,
  patch: UpdateNotificationSettings,
): Promise<NotificationSettingsDto> {
  return inTransaction(env, async (q, trx) => {
    const set = {
      ...(patch.templates && { templates: JSON.stringify(compact(patch.templates)) }),
      ...(patch.reminders && {
        reminder_day_before_at: patch.reminders.dayBeforeAt,
        reminder_minutes_before: patch.reminders.minutesBefore,
      }),
      ...(patch.quietHours !== undefined && {
        quiet_from: patch.quietHours?.from ?? null,
        quiet_to: patch.quietHours?.to ?? null,
      }),
      updated_at: new Date(),
    };
    await q
      .insertInto("notification_settings")
      .values({ id: true })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    await q.updateTable("notification_settings").set(set).execute();
    await auditChange(
      trx,
      env,
      "company.notifications.update",
      { type: "company", id: env.company.id },
      { fields: Object.keys(patch) },
    );
    return toDto(await loadNotificationSettings(q));
  });
}

/** Sample values a preview fills the placeholders with. */
const SAMPLE = {
  label: "A-012",
  counter: 3,
  position: 2,
  time: "30.11 14:30",
  service: { uz: "Kassa", ru: "Касса", en: "Cashier" },
  branch: { uz: "Chilonzor filiali", ru: "Филиал Чиланзар", en: "Chilonzor branch" },
};

/** The text with sample values, as Telegram shows it and as an SMS sends it, with its size. */
export async function previewNotification(
  env: SetupEnv,
  input: { trigger: Trigger; language: "uz" | "ru" | "en"; text?: string | undefined },
) {
  const own = input.text?.trim();
  const custom = own
    ? { [input.trigger]: { [input.language]: own } }
    : ((await loadNotificationSettings(tablesOf(env))).templates as CustomTemplates);
  const base = env.ctx.publicUrl;
  const text = notificationText(
    input.trigger,
    input.language,
    {
      label: SAMPLE.label,
      counter: SAMPLE.counter,
      position: SAMPLE.position,
      time: SAMPLE.time,
      service: SAMPLE.service[input.language],
      branch: SAMPLE.branch[input.language],
      link: `${base}/t/ABCDEFGHJKMNPQRS`,
    },
    custom,
  );
  const sms = toGsmFriendly(text);
  return { text, sms, ...smsSegments(sms) };
}
