import type { DeviceKind } from "@equeue/contracts";
import type { FastifyInstance } from "fastify";
import { call, NEW_PASSWORD } from "./factories";

type Json = Record<string, unknown>;

/** Monday to Friday, 09:00–18:00 with a lunch break 13:00–14:00. */
export const WEEKDAY_HOURS = Object.fromEntries(
  ["1", "2", "3", "4", "5"].map((d) => [
    d,
    { open: "09:00", close: "18:00", breaks: [{ start: "13:00", end: "14:00" }] },
  ]),
);

async function expectStatus<T = Json & { id: string }>(
  res: Awaited<ReturnType<typeof call>>,
  status: number,
  what: string,
): Promise<T> {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

let seq = 0;
const next = () => ++seq;

/** Creates a branch through the admin API; unique slug and code unless given. */
export async function createBranch(
  app: FastifyInstance,
  slug: string,
  token: string,
  body: Json = {},
) {
  const n = next();
  const letters = String.fromCharCode(
    65 + (n % 26),
    65 + (Math.floor(n / 26) % 26),
    65 + (Math.floor(n / 676) % 26),
  );
  const res = await call(app, "POST", `/api/c/${slug}/admin/branches`, {
    token,
    body: {
      name: { uz: `Filial ${n}` },
      slug: `filial-${n}`,
      code: `B${letters}`,
      weeklyHours: WEEKDAY_HOURS,
      ...body,
    },
  });
  return expectStatus<Json & { id: string; slug: string }>(res, 201, "create branch");
}

/** Creates a service (optionally offered at `branches`) through the admin API. */
export async function createService(
  app: FastifyInstance,
  slug: string,
  token: string,
  body: Json & { branchIds?: string[] } = {},
) {
  const n = next();
  const { branchIds = [], ...rest } = body;
  const res = await call(app, "POST", `/api/c/${slug}/admin/services`, {
    token,
    body: {
      name: { uz: `Xizmat ${n}` },
      letter: String.fromCharCode(65 + (n % 26), 65 + (Math.floor(n / 26) % 26)),
      durationMinutes: 15,
      branches: branchIds.map((branchId) => ({ branchId, enabled: true })),
      ...rest,
    },
  });
  return expectStatus(res, 201, "create service");
}

export async function createCounter(
  app: FastifyInstance,
  slug: string,
  token: string,
  branchId: string,
  body: Json = {},
) {
  const res = await call(app, "POST", `/api/c/${slug}/admin/branches/${branchId}/counters`, {
    token,
    body: { number: next() % 999 || 1, ...body },
  });
  return expectStatus(res, 201, "create counter");
}

/** Creates a staff account; returns it with its one-time password. */
export async function createStaffMember(
  app: FastifyInstance,
  slug: string,
  token: string,
  body: Json,
) {
  const n = next();
  const res = await call(app, "POST", `/api/c/${slug}/admin/staff`, {
    token,
    body: { name: `Xodim ${n}`, email: `staff${n}@${slug}.uz`, ...body },
  });
  const json = await expectStatus<{
    staff: Json & { id: string; email: string };
    oneTimePassword: string;
  }>(res, 201, "create staff");
  return { ...json.staff, oneTimePassword: json.oneTimePassword };
}

export const createOperator = (
  app: FastifyInstance,
  slug: string,
  token: string,
  body: Json & { branchId: string },
) => createStaffMember(app, slug, token, { role: "OPERATOR", ...body });

/** Logs a new staff member in with its one-time password and sets NEW_PASSWORD; returns a token. */
export async function loginStaff(app: FastifyInstance, slug: string, email: string, otp: string) {
  const login = await call(app, "POST", `/api/c/${slug}/auth/login`, {
    body: { email, password: otp },
  });
  if (login.statusCode !== 200) throw new Error(`staff login failed: ${login.body}`);
  const changed = await call(app, "POST", `/api/c/${slug}/auth/change-password`, {
    token: login.json().accessToken,
    body: { currentPassword: otp, newPassword: NEW_PASSWORD },
  });
  if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
  return changed.json().accessToken as string;
}

/** Adds a kiosk or display board; returns it with its pairing code. */
export async function addDevice(
  app: FastifyInstance,
  slug: string,
  token: string,
  body: Json & { branchId: string; kind?: DeviceKind },
) {
  const res = await call(app, "POST", `/api/c/${slug}/admin/devices`, {
    token,
    body: { kind: "KIOSK", ...body },
  });
  const json = await expectStatus<{ device: Json & { id: string }; pairingCode: string }>(
    res,
    201,
    "add device",
  );
  return { ...json.device, pairingCode: json.pairingCode };
}

/** Pairs a device with its code, as the kiosk would; returns the device token. */
export async function pairDevice(app: FastifyInstance, slug: string, code: string) {
  const res = await call(app, "POST", `/api/c/${slug}/devices/pair`, { body: { code } });
  if (res.statusCode !== 200) throw new Error(`pairing failed: ${res.statusCode} ${res.body}`);
  return res.json().deviceToken as string;
}

/** Headers of a request made by a paired device. */
export const deviceAuth = (deviceToken: string) => ({ authorization: `Device ${deviceToken}` });
