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
  ["patch", "/api/c/{slug}/admin/branches/{id}", "200", contracts.updatedBranchSchema],
  ["post", "/api/c/{slug}/admin/branches/{id}/exceptions", "201", contracts.addedExceptionSchema],
  ["post", "/api/c/{slug}/admin/branches/{id}/hours-preview", "200", contracts.hoursPreviewSchema],
  [
    "get",
    "/api/c/{slug}/admin/branches/{id}/services",
    "200",
    contracts.branchServiceSchema,
    "items",
  ],
  ["put", "/api/c/{slug}/admin/branches/{id}/services", "200", contracts.savedBranchServicesSchema],
  ["get", "/api/c/{slug}/admin/services/{id}", "200", contracts.serviceSchema],
  ["patch", "/api/c/{slug}/admin/services/{id}", "200", contracts.updatedServiceSchema],
  ["put", "/api/c/{slug}/admin/services/{id}/branches", "200", contracts.updatedServiceSchema],
  ["patch", "/api/c/{slug}/admin/counters/{id}", "200", contracts.counterSchema],
  ["get", "/api/c/{slug}/admin/staff", "200", contracts.staffSchema, "items"],
  ["post", "/api/c/{slug}/admin/staff", "201", contracts.createdStaffSchema],
  [
    "post",
    "/api/c/{slug}/admin/staff/{id}/bookings-check",
    "200",
    contracts.staffBookingsCheckSchema,
  ],
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
  ["get", "/api/c/{slug}/admin/reports", "200", contracts.reportResponse],
  ["get", "/api/c/{slug}/admin/floor", "200", contracts.floorResponse],
  ["get", "/api/c/{slug}/admin/reports/staffing", "200", contracts.staffingResponse],
  ["get", "/api/c/{slug}/kiosk/snapshot", "200", contracts.kioskSnapshotSchema],
  ["post", "/api/c/{slug}/kiosk/tickets", "201", contracts.kioskTicketSchema],
  ["post", "/api/c/{slug}/kiosk/check-in", "200", contracts.kioskCheckInSchema],
  ["post", "/api/c/{slug}/kiosk/offline-block", "201", contracts.offlineBlockSchema],
  ["post", "/api/c/{slug}/kiosk/offline-tickets", "200", contracts.offlineSyncResultSchema],
  ["get", "/api/platform/audit", "200", contracts.auditPageResponse],
  ["get", "/api/platform/outbox", "200", contracts.outboxPageResponse],
  ["get", "/api/platform/figures", "200", contracts.figuresResponse],
  ["get", "/api/c/{slug}/admin/notification-settings", "200", contracts.notificationSettingsSchema],
  ["put", "/api/c/{slug}/admin/notification-settings", "200", contracts.notificationSettingsSchema],
  ["post", "/api/c/{slug}/admin/notification-settings/preview", "200", contracts.previewSchema],
  ["get", "/api/public/push/key", "200", contracts.pushKeyResponse],
  ["post", "/api/public/tickets/{token}/push", "200", contracts.pushSubscribedResponse],
  ["post", "/api/public/tickets/{token}/push/unsubscribe", "200", contracts.pushRemovedResponse],
  ["get", "/api/public/tickets/{token}/channels", "200", contracts.ticketChannelsResponse],
  ["put", "/api/public/tickets/{token}/channels", "200", contracts.channelsResponse],
  ["get", "/api/customer/channels", "200", contracts.channelsResponse],
  ["put", "/api/customer/channels", "200", contracts.channelsResponse],
  ["get", "/api/public/telegram", "200", contracts.telegramAvailabilityResponse],
  ["post", "/api/public/tickets/{token}/telegram", "200", contracts.telegramLinkResponse],
  ["get", "/api/c/{slug}/info", "200", contracts.companyInfoSchema],
  ["post", "/api/c/{slug}/auth/login", "200", contracts.authSessionSchema],
  ["post", "/api/c/{slug}/auth/refresh", "200", contracts.authSessionSchema],
  ["get", "/api/c/{slug}/auth/me", "200", contracts.authUserSchema],
  ["post", "/api/c/{slug}/auth/change-password", "200", contracts.authSessionSchema],
  ["post", "/api/platform/auth/login", "200", contracts.authSessionSchema],
  ["get", "/api/platform/auth/me", "200", contracts.authUserSchema],
  ["post", "/api/customer/auth/request-code", "202", contracts.requestCodeResponse],
  ["post", "/api/customer/auth/verify", "200", contracts.customerSessionSchema],
  ["post", "/api/customer/auth/refresh", "200", contracts.customerSessionSchema],
  ["get", "/api/customer/auth/me", "200", contracts.customerSchema],
  ["get", "/api/c/{slug}/admin/api-keys", "200", contracts.apiKeySchema, "items"],
  ["post", "/api/c/{slug}/admin/api-keys", "201", contracts.createdApiKeySchema],
  ["post", "/api/c/{slug}/admin/api-keys/{id}/revoke", "200", contracts.apiKeySchema],
  ["get", "/api/c/{slug}/admin/webhooks", "200", contracts.webhookSchema, "items"],
  ["post", "/api/c/{slug}/admin/webhooks", "201", contracts.createdWebhookSchema],
  ["patch", "/api/c/{slug}/admin/webhooks/{id}", "200", contracts.webhookSchema],
  ["get", "/api/c/{slug}/admin/webhooks/{id}/deliveries", "200", contracts.deliverySchema, "items"],
  [
    "post",
    "/api/c/{slug}/admin/webhooks/{id}/deliveries/{deliveryId}/resend",
    "200",
    contracts.deliverySchema,
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
