import { createHash } from "node:crypto";
import type { I18nText } from "../../db/tables";
import { bookableOnline, listSlots } from "../booking";
import type { BookingSetups } from "../booking";
import { companyPage } from "../portal";
import type { CompanyQueryDb } from "../queue";
import type { CompanyRecord } from "../tenancy";

/*
 * A company's bookable times in the SMART Scheduling Links format (HL7 FHIR R4 resources as
 * NDJSON behind a `$bulk-publish` manifest), so that aggregators can list them: a Location per
 * branch, a Schedule per bookable service of a branch, a Slot per time of the coming week with
 * its places left and a deep link to book it on the company's portal.
 * https://github.com/smart-on-fhir/smart-scheduling-links/blob/master/specification.md
 */

export const FEED_DAYS = 7;
const EXT = "http://fhir-registry.smarthealthit.org/StructureDefinition";

const textOf = (t: Partial<I18nText> | null | undefined) => t?.en ?? t?.uz ?? t?.ru ?? "";
/** A FHIR id ([A-Za-z0-9.-]{1,64}) that names the same thing on every publication. */
const fhirId = (...parts: string[]) =>
  createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 40);

export type FeedDeps = { publicUrl: string; bookings: BookingSetups };

type Feed = { locations: object[]; schedules: object[]; slots: object[] };

/** Every resource of the company's feed now (the coming week's slots). */
export async function buildSlotFeed(
  deps: FeedDeps,
  db: CompanyQueryDb,
  company: CompanyRecord,
  now: Date,
): Promise<Feed> {
  const page = await companyPage(db, company, now);
  const feed: Feed = { locations: [], schedules: [], slots: [] };
  for (const b of page.branches) {
    feed.locations.push({
      resourceType: "Location",
      id: b.id,
      name: textOf(b.name),
      ...(b.phone && { telecom: [{ system: "phone", value: b.phone }] }),
      address: { line: [textOf(b.address)].filter(Boolean), country: "UZ" },
      ...(b.latitude !== null &&
        b.longitude !== null && { position: { latitude: b.latitude, longitude: b.longitude } }),
    });
    const services = await db
      .selectFrom("services as s")
      .innerJoin("branch_services as bs", "bs.service_id", "s.id")
      .select(["s.id", "s.name", "s.letter"])
      .where("bs.branch_id", "=", b.id)
      .where("bs.enabled", "=", true)
      .where("s.is_active", "=", true)
      .where("s.online_booking", "=", true)
      .execute();
    for (const s of services) {
      const setup = await deps.bookings.get(company, { id: b.id }, s.id, now);
      if (!setup) continue;
      const scheduleId = fhirId(b.id, s.id);
      feed.schedules.push({
        resourceType: "Schedule",
        id: scheduleId,
        serviceType: [
          {
            coding: [
              {
                system: `${deps.publicUrl}/c/${company.slug}/services`,
                code: s.id,
                display: textOf(s.name as I18nText),
              },
            ],
          },
        ],
        actor: [{ reference: `Location/${b.id}` }],
      });
      const { slots } = await listSlots(db, bookableOnline(setup), {}, now);
      const book = `${deps.publicUrl}/c/${company.slug}/b/${b.slug}/book?service=${s.id}`;
      for (const slot of slots.slice(0, 10_000)) {
        if (slot.start.getTime() - now.getTime() > FEED_DAYS * 86_400_000) break;
        feed.slots.push({
          resourceType: "Slot",
          id: fhirId(scheduleId, slot.start.toISOString()),
          schedule: { reference: `Schedule/${scheduleId}` },
          status: slot.available > 0 ? "free" : "busy",
          start: slot.start.toISOString(),
          end: slot.end.toISOString(),
          extension: [
            {
              url: `${EXT}/booking-deep-link`,
              valueUrl: `${book}&at=${encodeURIComponent(slot.start.toISOString())}`,
            },
            { url: `${EXT}/slot-capacity`, valueInteger: slot.available },
          ],
        });
      }
    }
  }
  return feed;
}

/** The `$bulk-publish` manifest: where each resource type's NDJSON file is. */
export function manifestOf(base: string, now: Date) {
  return {
    transactionTime: now.toISOString(),
    request: `${base}/$bulk-publish`,
    output: [
      { type: "Location", url: `${base}/locations.ndjson` },
      { type: "Schedule", url: `${base}/schedules.ndjson` },
      { type: "Slot", url: `${base}/slots.ndjson` },
    ],
    error: [],
  };
}

export const ndjson = (resources: object[]) =>
  resources.map((r) => JSON.stringify(r)).join("\n") + (resources.length ? "\n" : "");
