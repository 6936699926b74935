import type { Kysely, Selectable } from "kysely";
import type { Database, DeviceKind, DevicesTable } from "../../db/tables";
import { invalidField, notFound } from "../../shared/app-error";
import { parseField } from "../../shared/validation";
import { findBranchRef, listOfferedServices } from "./device.repository";
import { displaySettingsSchema, kioskSettingsSchema, type KioskSettings } from "./device.schema";

const schemaOf = (kind: DeviceKind) =>
  kind === "KIOSK" ? kioskSettingsSchema : displaySettingsSchema;

/** Stored settings with defaults filled in (older rows may predate a setting). */
export function effectiveSettings(kind: DeviceKind, stored: Record<string, unknown>) {
  const parsed = schemaOf(kind).safeParse(stored);
  return parsed.success ? parsed.data : schemaOf(kind).parse({});
}

/**
 * Validates settings for a device of `kind` at `branchId`: the fields of that kind only, and a
 * kiosk's services must be ones the branch offers.
 */
export async function checkSettings(
  q: Kysely<Database>,
  kind: DeviceKind,
  branchId: string,
  input: Record<string, unknown>,
) {
  const settings = parseField(schemaOf(kind), input, "settings");
  if (kind === "KIOSK") {
    const ids = (settings as KioskSettings).serviceIds;
    const offered = new Set((await listOfferedServices(q, branchId)).map((s) => s.id));
    ids.forEach((id, i) => {
      if (!offered.has(id))
        throw invalidField(
          `settings.serviceIds.${i}`,
          "This service is not offered at the device's branch; assign it to the branch first.",
        );
    });
    (settings as KioskSettings).serviceIds = [...new Set(ids)];
  }
  return settings;
}

/** What a paired device learns about itself: kind, branch and settings. */
export async function deviceView(q: Kysely<Database>, row: Selectable<DevicesTable>) {
  const branch = await findBranchRef(q, row.branch_id);
  if (!branch) throw notFound("The device's branch");
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    branch: {
      id: branch.id,
      slug: branch.slug,
      code: branch.code,
      name: branch.name,
      timeZone: branch.time_zone,
    },
    settings: effectiveSettings(row.kind, row.settings),
  };
}

/** Services a device shows: the branch's enabled, active ones; a kiosk only its chosen, kiosk-visible ones. */
export async function servicesShown(q: Kysely<Database>, row: Selectable<DevicesTable>) {
  const offered = (await listOfferedServices(q, row.branch_id)).filter(
    (s) => s.enabled && s.is_active,
  );
  const settings = effectiveSettings(row.kind, row.settings);
  const chosen = "serviceIds" in settings ? new Set(settings.serviceIds) : new Set<string>();
  return offered
    .filter((s) => row.kind !== "KIOSK" || (s.show_on_kiosk && (!chosen.size || chosen.has(s.id))))
    .map((s) => ({
      id: s.id,
      letter: s.letter,
      name: s.name,
      durationMinutes: s.duration_minutes,
    }));
}
