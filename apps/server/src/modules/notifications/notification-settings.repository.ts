import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";
import type { CustomTemplates } from "./notification-texts";

/** The company's notification settings row (every company schema has one from its migration). */
export async function loadNotificationSettings(q: Kysely<Database>) {
  const row = await q.selectFrom("notification_settings").selectAll().executeTakeFirst();
  return (
    row ?? {
      templates: {} as CustomTemplates,
      reminder_day_before_at: null,
      reminder_minutes_before: 60,
      quiet_from: null,
      quiet_to: null,
    }
  );
}
