import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDetailCode } from "@equeue/contracts";
import { ErrorCode } from "./shared/app-error";
import { startFakeTelegramApi } from "./testing/fake-telegram-api";
import {
  createBranchWithService,
  createDisplayDevice,
  createPublicCompany,
  createQueueOperator,
  issueTickets,
  loginSuperAdmin,
  signInCustomer,
  createTestPlatform,
  type TestPlatform,
} from "./testing";
import {
  bodyVariants,
  operationsOf,
  pathVariants,
  queryVariants,
  type OpenApiDocument,
  type Operation,
  type Variant,
} from "./testing/api-fuzz";
import { createApiKey } from "./modules/public-api/v1.test-helpers";
import { fingerprintTables, type FingerprintIgnore } from "./testing/db-fingerprint";

// What refused requests may still touch: bookkeeping, never the data a request asked to change.
const BOOKKEEPING: FingerprintIgnore = {
  // A paired screen's every call stamps when it was last seen (the admin list shows it).
  "*.devices": ["last_seen_at"],
  // An API key's every use stamps when it was last used (the admin's key list shows it).
  "platform.api_keys": ["last_used_at"],
};

const CODES = new Set<string>(Object.values(ErrorCode));

type Realm = "super" | "admin" | "operator" | "display" | "kiosk" | "customer" | "apiKey" | "none";

/** The caller an operation is for, so the hostile input gets past its door to the validators. */
function realmOf(path: string): Realm {
  if (
    /\/auth\/(login|refresh|logout|request-code|verify)$|\/info$|\/public\/|\/files\/|\/devices\/pair$|\/api\/(health|ready)$/.test(
      path,
    )
  )
    return "none";
  if (path.startsWith("/api/platform/")) return "super";
  if (path.startsWith("/api/customer/")) return "customer";
  if (/\/kiosk\//.test(path)) return "kiosk";
  if (path.startsWith("/api/v1/")) return "apiKey";
  if (/\/(display|device)\//.test(path)) return "display";
  if (/\/(queue|staff\/me)/.test(path)) return "operator";
  return "admin";
}

// Refusals at the door (who is calling, which company): an operation answering only these to
// every hostile request never had its input looked at, and the fuzz proved nothing about it.
const AT_THE_DOOR = new Set([401, 403, 404]);
const TELEGRAM_TOKEN = "123456:TEST-telegram-fuzz";
const TELEGRAM_SECRET = "fuzz_webhook_secret_0123";

/** True when `details` is there but one of them lacks a path or a known detail code. */
const uncodedDetail = (details: unknown) =>
  details !== undefined &&
  (!Array.isArray(details) ||
    details.some(
      (d: { path?: unknown; code?: unknown }) =>
        typeof d?.path !== "string" || !isDetailCode(d.code),
    ));

describe("every operation refuses hostile input with a 4xx in the one error shape", () => {
  let p: TestPlatform;
  let doc: OpenApiDocument;
  const tokens: Record<Realm, string | undefined> = {
    super: undefined,
    admin: undefined,
    operator: undefined,
    display: undefined,
    kiosk: undefined,
    customer: undefined,
    apiKey: undefined,
    none: undefined,
  };
  let ids: Record<string, string>;
  let telegram: Awaited<ReturnType<typeof startFakeTelegramApi>> | undefined;
  let schemas: string[];

  beforeAll(async () => {
    // A bot that takes updates by webhook, so the hostile updates get past its secret.
    telegram = await startFakeTelegramApi({ token: TELEGRAM_TOKEN });
    p = await createTestPlatform({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_URL: telegram.url,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    });
    // Active, so the public portal and booking let the hostile input in to their validators.
    const { slug, adminToken, company } = await createPublicCompany(p, "fuzzco");
    const { branch, services, counters } = await createBranchWithService(p.ctx, company);
    const operator = await createQueueOperator(p.ctx, company, {
      branchId: branch.id,
      serviceIds: services.map((s) => s.id),
      counterId: counters[0]!.id,
    });
    const displayToken = await createDisplayDevice(p.ctx, company, branch.id);
    const kioskToken = await createDisplayDevice(p.ctx, company, branch.id, "KIOSK");
    const [ticket] = await issueTickets(p.ctx, company, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      count: 1,
    });
    const device = await p.ctx.db
      .withSchema(company.schema_name)
      .selectFrom("devices" as never)
      .select("id" as never)
      .executeTakeFirstOrThrow();
    tokens.super = await loginSuperAdmin(p.app);
    tokens.admin = adminToken;
    tokens.operator = operator.token;
    tokens.display = displayToken;
    tokens.kiosk = kioskToken;
    tokens.customer = (await signInCustomer(p, "+998901112233")).token;
    // Every scope and a limit the fuzz's many requests stay under.
    tokens.apiKey = (await createApiKey(p, slug, adminToken, { rateLimitPerMinute: 6000 })).secret;
    ids = {
      slug,
      companies: company.id,
      branches: branch.id,
      services: services[0]!.id,
      counters: counters[0]!.id,
      staff: operator.id,
      devices: (device as { id: string }).id,
      tickets: ticket!.id,
      tokens: "no-such-ticket-token",
    };
    schemas = ["platform", company.schema_name];
    // The ticket above reaches the cross-company index after commit; the snapshot must not race it.
    await p.ctx.events.idle();
    doc = (await p.app.inject({ url: "/api/openapi.json" })).json();
  }, 120_000);
  afterAll(async () => {
    await p?.close();
    await telegram?.close();
  });

  /** The real id for a path parameter: by the collection segment before it. */
  function realValue(path: string, name: string): string {
    if (name === "slug") return ids.slug!;
    const before = path.split("/").at(path.split("/").indexOf(`{${name}}`) - 1) ?? "";
    return ids[before] ?? ids[`${name}s`] ?? "00000000-0000-0000-0000-000000000000";
  }

  function urlOf(op: Operation, v: Variant): string {
    let url = op.path;
    for (const name of op.pathParams) {
      url = url.replace(
        `{${name}}`,
        v.pathValues?.[name] ?? encodeURIComponent(realValue(op.path, name)),
      );
    }
    return v.query ? `${url}?${v.query}` : url;
  }

  function headersOf(op: Operation, v: Variant): Record<string, string> {
    const realm = realmOf(op.path);
    const token = tokens[realm];
    return {
      ...(token && {
        authorization:
          realm === "display" || realm === "kiosk" ? `Device ${token}` : `Bearer ${token}`,
      }),
      ...(v.contentType !== undefined && { "content-type": v.contentType }),
      ...(op.path.endsWith("/telegram/webhook") && {
        "x-telegram-bot-api-secret-token": TELEGRAM_SECRET,
      }),
    };
  }

  it("answers every hostile request with 4xx, { error: { code, message } } and x-request-id, and writes nothing", async () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(80);
    const before = await fingerprintTables(p.ctx.db, schemas, BOOKKEEPING);
    const statuses: Record<number, number> = {};
    const failures: string[] = [];
    const onlyAtTheDoor: string[] = [];
    let requests = 0;
    for (const op of ops) {
      const variants = [...pathVariants(op), ...queryVariants(op)];
      if (op.method !== "GET") variants.push(...bodyVariants(op));
      let pastTheDoor = false;
      for (const v of variants) {
        const res = await p.app.inject({
          method: op.method as "GET",
          url: urlOf(op, v),
          headers: headersOf(op, v),
          ...(v.payload !== undefined && { payload: v.payload }),
        });
        requests++;
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (!AT_THE_DOOR.has(res.statusCode)) pastTheDoor = true;
        const where = `${op.method} ${op.path} [${v.what}]`;
        let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } = {};
        try {
          body = res.json();
        } catch {
          // Reported below as a missing error shape.
        }
        if (res.statusCode < 400 || res.statusCode >= 500)
          failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (!CODES.has(String(body.error?.code)) || typeof body.error?.message !== "string")
          failures.push(
            `${where}: ${res.statusCode} not in the error shape: ${res.body.slice(0, 200)}`,
          );
        else if (!res.headers["x-request-id"]) failures.push(`${where}: no x-request-id`);
        else if (uncodedDetail(body.error?.details))
          failures.push(`${where}: a detail without a known code: ${res.body.slice(0, 200)}`);
      }
      if (!pastTheDoor) onlyAtTheDoor.push(`${op.method} ${op.path} (as ${realmOf(op.path)})`);
    }
    const after = await fingerprintTables(p.ctx.db, schemas, BOOKKEEPING);
    console.log(
      `api fuzz: ${ops.length} operations, ${requests} requests, statuses ${JSON.stringify(statuses)}`,
    );
    expect(failures).toEqual([]);
    // Every operation was reached with a caller it admits, so its validators saw the input.
    expect(onlyAtTheDoor).toEqual([]);
    expect(after).toEqual(before);
  }, 300_000);

  it("gives the error shape and a request id to refusals made before routing (414, 400) and by Node's parser (431)", async () => {
    await p.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = p.app.server.address() as AddressInfo;
    const send = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
        (resolve, reject) => {
          const req = http.request({ host: "127.0.0.1", port, path, headers }, (res) => {
            let body = "";
            res.on("data", (c: Buffer) => (body += c.toString()));
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body }),
            );
          });
          req.on("error", reject);
          req.end();
        },
      );
    const cases = [
      { path: `/api/c/${"a".repeat(129)}/info`, status: 414, code: "URI_TOO_LONG" },
      { path: `/api/c/fuzzco/admin/branches/%E0%A4%A`, status: 400, code: "VALIDATION_FAILED" },
      { path: "/api/nothing-here", status: 404, code: "NOT_FOUND" },
      {
        path: "/api/health",
        headers: { cookie: `x=${"a".repeat(20_000)}` },
        status: 431,
        code: "HEADERS_TOO_LARGE",
      },
    ];
    for (const c of cases) {
      const res = await send(c.path, c.headers);
      expect(res.status, c.path.slice(0, 60)).toBe(c.status);
      expect(JSON.parse(res.body).error.code).toBe(c.code);
      expect(JSON.parse(res.body).error.message).toEqual(expect.any(String));
      expect(res.headers["x-request-id"]).toBeTruthy();
    }
  });
});
