import * as contracts from "@equeue/contracts/schemas";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "./testing";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

/** The answers whose shape @equeue/contracts defines: [method, path, status, schema, where]. */
const ROUTES: [string, string, string, z.ZodObject, string?][] = [
  ["post", "/api/c/{slug}/admin/branches", "201", contracts.branchSchema],
  ["get", "/api/c/{slug}/admin/branches/{id}", "200", contracts.branchSchema],
  ["get", "/api/c/{slug}/admin/branches", "200", contracts.branchSchema, "items"],
  ["post", "/api/c/{slug}/admin/branches/{id}/exceptions", "201", contracts.branchExceptionSchema],
  [
    "get",
    "/api/c/{slug}/admin/branches/{id}/services",
    "200",
    contracts.branchServiceSchema,
    "items",
  ],
  ["get", "/api/c/{slug}/admin/services/{id}", "200", contracts.serviceSchema],
  ["patch", "/api/c/{slug}/admin/counters/{id}", "200", contracts.counterSchema],
  ["get", "/api/c/{slug}/admin/staff", "200", contracts.staffSchema, "items"],
  ["post", "/api/c/{slug}/admin/staff", "201", contracts.createdStaffSchema],
  ["post", "/api/c/{slug}/admin/staff/{id}/reset-password", "200", contracts.credentialsSchema],
  ["get", "/api/c/{slug}/admin/overview", "200", contracts.overviewSchema],
  ["post", "/api/c/{slug}/admin/ready", "200", contracts.readySchema],
  ["get", "/api/c/{slug}/admin/branding", "200", contracts.brandingSchema],
  ["get", "/api/c/{slug}/staff/me", "200", contracts.staffProfileSchema],
  ["get", "/api/public/companies", "200", contracts.directoryResponse],
  ["get", "/api/c/{slug}/portal", "200", contracts.portalCompanyResponse],
  ["get", "/api/c/{slug}/portal/branches/{branchSlug}", "200", contracts.portalBranchResponse],
  ["post", "/api/c/{slug}/portal/tickets", "201", contracts.joinQueueResponse],
  ["get", "/api/c/{slug}/portal/branches/{branchSlug}/slots", "200", contracts.slotsResponse],
  ["post", "/api/c/{slug}/portal/bookings", "201", contracts.bookingResponse],
  ["post", "/api/c/{slug}/portal/bookings/{token}/reschedule", "200", contracts.bookingResponse],
  ["get", "/api/customer/tickets", "200", contracts.myTicketsResponse],
  ["post", "/api/customer/tickets/{ticketId}/cancel", "200", contracts.cancelledTicketSchema],
  ["get", "/api/platform/companies", "200", contracts.companySchema, "items"],
  ["post", "/api/platform/companies", "201", contracts.companySchema],
  ["post", "/api/platform/companies/{id}/activate", "200", contracts.companySchema],
  [
    "get",
    "/api/platform/provisioning-failures",
    "200",
    contracts.provisioningFailureSchema,
    "items",
  ],
];

/** Every object's keys, with `!` on required ones, down the tree: the part a client relies on. */
function keysOfJson(s: JsonSchema, at = ""): string[] {
  const alt = s.anyOf?.find((a) => a.type !== "null");
  if (alt) return keysOfJson(alt, at);
  if (s.items) return keysOfJson(s.items, `${at}[]`);
  if (!s.properties) return [];
  const required = new Set(s.required);
  return Object.entries(s.properties).flatMap(([k, v]) => [
    `${at}.${k}${required.has(k) ? "!" : ""}`,
    ...keysOfJson(v, `${at}.${k}`),
  ]);
}

function keysOfZod(s: z.ZodType, at = ""): string[] {
  const def = s.def as { type: string; innerType?: z.ZodType; element?: z.ZodType };
  if (def.type === "nullable" || def.type === "optional") return keysOfZod(def.innerType!, at);
  if (def.type === "array") return keysOfZod(def.element!, `${at}[]`);
  if (def.type !== "object") return [];
  return Object.entries((s as z.ZodObject).shape).flatMap(([k, v]) => [
    `${at}.${k}${(v as z.ZodType).def.type === "optional" ? "" : "!"}`,
    ...keysOfZod(v as z.ZodType, `${at}.${k}`),
  ]);
}

describe("OpenAPI answers come from @equeue/contracts", () => {
  let p: TestPlatform;
  let doc: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  beforeAll(async () => {
    p = await createTestPlatform();
    doc = (await call(p.app, "GET", "/api/openapi.json")).json();
  });
  afterAll(() => p.close());

  it.each(ROUTES)(
    "%s %s answers %s with the contract's shape",
    (method, path, status, schema, where) => {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path} is in the document`).toBeDefined();
      const content = op!.responses[status] as { content: Record<string, { schema: JsonSchema }> };
      let json = content.content["application/json"]!.schema;
      if (where) json = json.properties![where]!.items!;
      const keys = keysOfJson(json);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.sort()).toEqual(keysOfZod(schema).sort());
    },
  );
});
