import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { AppContext } from "../app-context";
import type { Db } from "../db/database";
import { SUPER_ADMIN } from "./test-platform";

type Json = Record<string, unknown>;

/** Sends a JSON request through the real app. */
export async function call(
  app: FastifyInstance,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  opts: { token?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: {
      ...(opts.token && { authorization: `Bearer ${opts.token}` }),
      ...(opts.cookie && { cookie: opts.cookie }),
      ...(opts.body !== undefined && { "content-type": "application/json" }),
      ...opts.headers,
    },
    ...(opts.body !== undefined && { payload: JSON.stringify(opts.body) }),
  });
}

/** The refresh cookie a response set, as a Cookie header value. */
export function refreshCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === "eq_rt");
  if (!c) throw new Error(`no refresh cookie in response ${res.statusCode}: ${res.body}`);
  return `eq_rt=${c.value}`;
}

export async function loginSuperAdmin(app: FastifyInstance): Promise<string> {
  const res = await call(app, "POST", "/api/platform/auth/login", { body: SUPER_ADMIN });
  if (res.statusCode !== 200) throw new Error(`super admin login failed: ${res.body}`);
  return res.json().accessToken as string;
}

let counter = 0;
/** Creates (provisions) a company through the API; returns its DTO. */
export async function createCompany(
  app: FastifyInstance,
  token: string,
  overrides: Json = {},
): Promise<Json & { id: string; slug: string }> {
  counter++;
  const slug =
    (overrides.slug as string) ?? `company${counter}${Math.random().toString(36).slice(2, 6)}`;
  const res = await call(app, "POST", "/api/platform/companies", {
    token,
    body: { name: `Company ${slug}`, slug, adminEmail: `admin@${slug}.uz`, ...overrides },
  });
  if (res.statusCode !== 201)
    throw new Error(`create company failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The one-time password from the newest invite e-mail to `email`. */
export async function readInvitePassword(ctx: AppContext, email: string): Promise<string> {
  const msg = await ctx.db
    .selectFrom("platform.outbox")
    .select("body_text")
    .where("recipient", "=", email)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
  const m = /(?:parol|password|пароль): (\S+)/i.exec(msg.body_text);
  if (!m?.[1]) throw new Error(`no password in invite: ${msg.body_text}`);
  return m[1];
}

export const NEW_PASSWORD = "Fresh-Passw0rd-2026";

/** Logs the company's default admin in with the invite and sets a permanent password. */
export async function activateCompanyAdmin(
  app: FastifyInstance,
  ctx: AppContext,
  company: { slug: string; adminEmail?: unknown },
) {
  const email = String(company.adminEmail);
  const otp = await readInvitePassword(ctx, email);
  const login = await call(app, "POST", `/api/c/${company.slug}/auth/login`, {
    body: { email, password: otp },
  });
  if (login.statusCode !== 200) throw new Error(`company login failed: ${login.body}`);
  const changed = await call(app, "POST", `/api/c/${company.slug}/auth/change-password`, {
    token: login.json().accessToken,
    body: { currentPassword: otp, newPassword: NEW_PASSWORD },
  });
  if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
  return { token: changed.json().accessToken as string, email, cookie: refreshCookie(changed) };
}

/**
 * A provisioned company whose admin has signed in with the invite and set a password — how
 * most set-up tests start. `admin@{slug}.uz` is the admin's e-mail.
 */
export async function companyWithAdmin(
  p: { app: FastifyInstance; ctx: AppContext },
  superToken: string,
  slug: string,
) {
  const company = await createCompany(p.app, superToken, { slug });
  return { company, ...(await activateCompanyAdmin(p.app, p.ctx, company)) };
}

/** One outbox message as stored (status, attempts, last error …). */
export const outboxRow = (db: Db, id: string) =>
  db.selectFrom("platform.outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
