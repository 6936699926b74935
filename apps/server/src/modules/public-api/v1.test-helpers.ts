import type { ApiKeyScope } from "@equeue/contracts";
import { API_KEY_SCOPES } from "@equeue/contracts";
import {
  call,
  createBranchWithService,
  createQueueCompany,
  openForBookings,
  type TestPlatform,
} from "../../testing";

/** Creates an API key through the admin API; returns the whole key (shown once) and its id. */
export async function createApiKey(
  p: TestPlatform,
  slug: string,
  adminToken: string,
  body: { name?: string; scopes?: ApiKeyScope[]; rateLimitPerMinute?: number } = {},
) {
  const res = await call(p.app, "POST", `/api/c/${slug}/admin/api-keys`, {
    token: adminToken,
    body: { name: "CRM", scopes: [...API_KEY_SCOPES], ...body },
  });
  if (res.statusCode !== 201) throw new Error(`api key: ${res.statusCode} ${res.body}`);
  const json = res.json() as { key: { id: string; prefix: string }; secret: string };
  return { id: json.key.id, prefix: json.key.prefix, secret: json.secret };
}

/** A request to the public API with a key. */
export const v1 = (
  p: TestPlatform,
  method: "GET" | "POST",
  path: string,
  key?: string,
  body?: unknown,
) => call(p.app, method, `/api/v1${path}`, { ...(key && { token: key }), body });

/** A company with a branch open around the clock (one service, one operator scheduled) and a key. */
export async function apiCompany(p: TestPlatform, slug: string) {
  const q = await createQueueCompany(p, slug);
  const { branch, services, counters } = await createBranchWithService(p.ctx, q.company, {
    counters: 1,
  });
  await openForBookings(p.ctx, q.company, branch.id, [services[0]!.id]);
  const key = await createApiKey(p, slug, q.adminToken);
  return { ...q, branch, service: services[0]!, counter: counters[0]!, key };
}
