import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import { apiCompany } from "../public-api/v1.test-helpers";

type Resource = Record<string, unknown> & { resourceType: string; id: string };
const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;
const EXT = "http://fhir-registry.smarthealthit.org/StructureDefinition";

describe("the SMART Scheduling Links slot feed", () => {
  let p: TestPlatform;
  let a: Awaited<ReturnType<typeof apiCompany>>;
  let b: Awaited<ReturnType<typeof apiCompany>>;
  const get = (url: string) => p.app.inject({ url });
  const lines = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("application/fhir+ndjson");
    return res.body
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Resource);
  };
  const activate = async (slug: string) => {
    await p.ctx.db
      .updateTable("platform.companies")
      .set({ status: "ACTIVE" })
      .where("slug", "=", slug)
      .execute();
    p.ctx.directory.invalidate(slug);
  };

  beforeAll(async () => {
    p = await createTestPlatform();
    a = await apiCompany(p, "feed-a");
    b = await apiCompany(p, "feed-b");
    await activate(a.slug);
    await activate(b.slug);
  }, 240_000);
  afterAll(() => p.close());

  it("publishes a manifest naming the Location, Schedule and Slot files", async () => {
    const res = await get(`/api/public/slot-feed/${a.slug}/$bulk-publish`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(new Date(m.transactionTime).toISOString()).toBe(m.transactionTime);
    expect(m.request).toMatch(/\/api\/public\/slot-feed\/feed-a\/\$bulk-publish$/);
    expect(m.output.map((o: { type: string }) => o.type)).toEqual(["Location", "Schedule", "Slot"]);
    expect(m.error).toEqual([]);
    for (const o of m.output) expect(o.url).toMatch(/^http.*\.ndjson$/);
  });

  it("serves FHIR resources whose references hold together, of this company only", async () => {
    const base = `/api/public/slot-feed/${a.slug}`;
    const locations = await lines(`${base}/locations.ndjson`);
    const schedules = await lines(`${base}/schedules.ndjson`);
    const slots = await lines(`${base}/slots.ndjson`);
    expect(locations.map((l) => l.id)).toEqual([a.branch.id]);
    expect(locations[0]).toMatchObject({ resourceType: "Location", name: expect.any(String) });
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      resourceType: "Schedule",
      actor: [{ reference: `Location/${a.branch.id}` }],
      serviceType: [{ coding: [{ code: a.service.id, display: expect.any(String) }] }],
    });
    expect(slots.length).toBeGreaterThan(100);
    const scheduleIds = new Set(schedules.map((s) => `Schedule/${s.id}`));
    const week = Date.now() + 7 * 86_400_000 + 60_000;
    for (const s of slots) {
      expect(s.resourceType).toBe("Slot");
      expect(s.id).toMatch(FHIR_ID);
      expect(scheduleIds.has((s.schedule as { reference: string }).reference)).toBe(true);
      expect(["free", "busy"]).toContain(s.status);
      expect(Date.parse(s.end as string)).toBeGreaterThan(Date.parse(s.start as string));
      expect(Date.parse(s.start as string)).toBeLessThan(week);
      const ext = s.extension as { url: string; valueUrl?: string; valueInteger?: number }[];
      expect(ext.find((e) => e.url === `${EXT}/booking-deep-link`)?.valueUrl).toMatch(
        /\/c\/feed-a\/b\/[a-z0-9-]+\/book\?service=/,
      );
      expect(ext.find((e) => e.url === `${EXT}/slot-capacity`)?.valueInteger).toBe(1);
    }
    expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length);
    for (const r of [...locations, ...schedules]) expect(r.id).toMatch(FHIR_ID);
    const other = await lines(`/api/public/slot-feed/${b.slug}/locations.ndjson`);
    expect(other.map((l) => l.id)).toEqual([b.branch.id]);
  });

  it("answers not-found for a company that is not public, an unknown one and an unknown file", async () => {
    await p.ctx.db
      .updateTable("platform.companies")
      .set({ status: "SUSPENDED" })
      .where("slug", "=", b.slug)
      .execute();
    p.ctx.directory.invalidate(b.slug);
    expect((await get(`/api/public/slot-feed/${b.slug}/$bulk-publish`)).statusCode).toBe(403);
    expect((await get(`/api/public/slot-feed/no-such-co/slots.ndjson`)).statusCode).toBe(404);
    const file = await get(`/api/public/slot-feed/${a.slug}/patients.ndjson`);
    expect(file.statusCode).toBe(400);
    expect(file.json().error.code).toBe("VALIDATION_FAILED");
  });
});
