import type { TicketSource } from "@equeue/contracts";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { SUPER_ADMIN } from "../playwright.config";

// Set-up through the API (issue 3's admin API): a company with one branch open all week, two
// services, two counters, an operator at counter 3 and a display board waiting to be paired.

/** Open every day, all day: the journeys must work at any hour. */
export const ALL_WEEK = Object.fromEntries(
  ["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, { open: "00:00", close: "23:59" }]),
);

/** Every operator of the world works around the clock, so every time of any day can be booked. */
export async function staffAllWeek(request: APIRequestContext, world: QueueWorld) {
  const admin = { authorization: `Bearer ${world.adminToken}` };
  const staff = await request.get(`/api/c/${world.slug}/admin/staff`, { headers: admin });
  expect(staff.ok(), await staff.text()).toBeTruthy();
  for (const s of ((await staff.json()) as { items: { id: string; role: string }[] }).items) {
    if (s.role !== "OPERATOR") continue;
    const patched = await request.patch(`/api/c/${world.slug}/admin/staff/${s.id}`, {
      headers: admin,
      data: { weeklySchedule: ALL_WEEK },
    });
    expect(patched.ok(), await patched.text()).toBeTruthy();
  }
}

export type Staff = { email: string; password: string; token: string };

export type QueueWorld = {
  slug: string;
  branch: { id: string; slug: string };
  services: { kassa: string; kredit: string };
  counters: { three: string; five: string };
  adminToken: string;
  operator: Staff;
  /** A colleague at counter 5 who works through the API. */
  colleague: Staff;
  pairingCode: string;
  /** The token of a kiosk paired at the branch: kiosk tickets come from it. */
  kioskToken: string;
};

async function ok<T>(
  res: Awaited<ReturnType<APIRequestContext["post"]>>,
  what: string,
): Promise<T> {
  expect(res.ok(), `${what}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** A logged-in bearer for `api` under /api/c/{slug}. */
async function login(request: APIRequestContext, slug: string, email: string, password: string) {
  const answer = await ok<{ accessToken: string; user: { mustChangePassword: boolean } }>(
    await request.post(`/api/c/${slug}/auth/login`, { data: { email, password } }),
    `login ${email}`,
  );
  return answer;
}

/** What a journey may change in the standard world. */
export type WorldOptions = {
  /** The company's name (default "Hamkorbank"). */
  name?: string;
  /** The branch's IANA time zone (default Asia/Tashkent). */
  timeZone?: string;
  /** Branch settings beside the 5-second no-show grace (e.g. the check-in window). */
  branchSettings?: Record<string, unknown>;
};

/** Builds the whole world for the queue journey; answers ids, credentials and a pairing code. */
export async function setUpQueueWorld(
  request: APIRequestContext,
  slug: string,
  options: WorldOptions = {},
): Promise<QueueWorld> {
  // Super admin creates and activates the company; the invite carries a one-time password.
  const platform = await ok<{ accessToken: string }>(
    await request.post("/api/platform/auth/login", { data: SUPER_ADMIN }),
    "super admin login",
  );
  const su = { authorization: `Bearer ${platform.accessToken}` };
  const company = await ok<{ id: string }>(
    await request.post("/api/platform/companies", {
      headers: su,
      data: {
        name: options.name ?? "Hamkorbank",
        slug,
        adminEmail: `admin@${slug}.uz`,
        phone: "+998 71 200 00 01",
        defaultLanguage: "uz",
      },
    }),
    "create company",
  );
  await ok(
    await request.post(`/api/platform/companies/${company.id}/activate`, { headers: su }),
    "activate",
  );
  const outbox = await ok<{ items: Array<{ text: string; to: string }> }>(
    await request.get("/api/platform/outbox", { headers: su }),
    "outbox",
  );
  const invite = outbox.items.find((m) => m.to === `admin@${slug}.uz`);
  const otp = /Bir martalik parol: (\S+)/.exec(invite?.text ?? "")?.[1];
  expect(otp, "one-time password in the invite").toBeTruthy();

  // The company admin replaces the one-time password.
  const first = await login(request, slug, `admin@${slug}.uz`, otp!);
  const changed = await ok<{ accessToken: string }>(
    await request.post(`/api/c/${slug}/auth/change-password`, {
      headers: { authorization: `Bearer ${first.accessToken}` },
      data: { currentPassword: otp, newPassword: "Toshkent-Filial-2026" },
    }),
    "change password",
  );
  const admin = { authorization: `Bearer ${changed.accessToken}` };
  const post = <T>(path: string, data: unknown) =>
    request
      .post(`/api/c/${slug}/admin${path}`, { headers: admin, data })
      .then((r) => ok<T>(r, path));

  const branch = await post<{ id: string; slug: string }>("/branches", {
    name: { uz: "Toshkent filiali", ru: "Ташкентский филиал", en: "Tashkent branch" },
    slug: "toshkent",
    code: "TSH",
    weeklyHours: ALL_WEEK,
    ...(options.timeZone && { timeZone: options.timeZone }),
    settings: { noShowGraceSeconds: 5, ...options.branchSettings },
  });
  const kassa = await post<{ id: string }>("/services", {
    name: { uz: "Kassa xizmati", ru: "Касса", en: "Cash desk" },
    letter: "K",
    durationMinutes: 5,
    branches: [{ branchId: branch.id }],
  });
  const kredit = await post<{ id: string }>("/services", {
    name: { uz: "Kredit maslahat", ru: "Кредитная консультация", en: "Credit advice" },
    letter: "KR",
    durationMinutes: 15,
    branches: [{ branchId: branch.id }],
  });
  const three = await post<{ id: string }>(`/branches/${branch.id}/counters`, { number: 3 });
  const five = await post<{ id: string }>(`/branches/${branch.id}/counters`, { number: 5 });
  const hire = async (
    email: string,
    name: string,
    counterId: string,
    password: string,
  ): Promise<Staff> => {
    const created = await post<{ oneTimePassword: string }>("/staff", {
      email,
      name,
      role: "OPERATOR",
      branchId: branch.id,
      counterId,
      serviceIds: [kassa.id, kredit.id],
    });
    // The first login asks for a new password; do it here so the browser starts clean.
    const first = await login(request, slug, email, created.oneTimePassword);
    const changed = await ok<{ accessToken: string }>(
      await request.post(`/api/c/${slug}/auth/change-password`, {
        headers: { authorization: `Bearer ${first.accessToken}` },
        data: { currentPassword: created.oneTimePassword, newPassword: password },
      }),
      `${email} change password`,
    );
    return { email, password, token: changed.accessToken };
  };
  const operator = await hire(`aziza@${slug}.uz`, "Aziza Karimova", three.id, "Uchinchi-Oyna-2026");
  const colleague = await hire(`bobur@${slug}.uz`, "Bobur Aliyev", five.id, "Beshinchi-Oyna-2026");
  const display = await post<{ pairingCode: string }>("/devices", {
    branchId: branch.id,
    kind: "DISPLAY",
    name: "Zal tablosi",
  });
  const kiosk = await post<{ pairingCode: string }>("/devices", {
    branchId: branch.id,
    kind: "KIOSK",
    name: "Kirish kioski",
  });
  const paired = await ok<{ deviceToken: string }>(
    await request.post(`/api/c/${slug}/devices/pair`, { data: { code: kiosk.pairingCode } }),
    "pair the kiosk",
  );

  return {
    slug,
    branch,
    services: { kassa: kassa.id, kredit: kredit.id },
    counters: { three: three.id, five: five.id },
    adminToken: changed.accessToken,
    operator,
    colleague,
    pairingCode: display.pairingCode,
    kioskToken: paired.deviceToken,
  };
}

let phones = 0;

/**
 * Issues a ticket the way its source says — the source follows from who asks: the company admin
 * at reception (WALK_IN), the branch's kiosk (KIOSK), a visitor of the portal (ONLINE; the
 * portal limits places per address, so use it sparingly). Answers the label and tracking token.
 */
export async function issueTicket(
  request: APIRequestContext,
  world: QueueWorld,
  serviceId: string,
  source: TicketSource,
  customerName?: string,
): Promise<{ id?: string; label: string; trackingToken: string }> {
  const name = customerName ? { customerName } : {};
  if (source === "KIOSK") {
    const res = await request.post(`/api/c/${world.slug}/kiosk/tickets`, {
      headers: { authorization: `Device ${world.kioskToken}` },
      data: { serviceId, ...(customerName && { name: customerName }) },
    });
    const { ticket } = await ok<{ ticket: { id: string; label: string; token: string } }>(
      res,
      "kiosk",
    );
    return { id: ticket.id, label: ticket.label, trackingToken: ticket.token };
  }
  if (source === "ONLINE") {
    const phone = `+998 90 555 ${String(10 + (++phones % 90))} ${String(10 + (phones % 89))}`;
    const res = await request.post(`/api/c/${world.slug}/portal/tickets`, {
      data: {
        branchId: world.branch.id,
        serviceId,
        phone,
        ...(customerName && { name: customerName }),
      },
    });
    const { ticket } = await ok<{ ticket: { label: string; token: string } }>(res, "portal");
    return { label: ticket.label, trackingToken: ticket.token };
  }
  const res = await request.post(`/api/c/${world.slug}/queue/tickets`, {
    headers: { authorization: `Bearer ${world.adminToken}` },
    data: { branchId: world.branch.id, serviceId, ...name },
  });
  return (await ok<{ ticket: { id: string; label: string; trackingToken: string } }>(res, "issue"))
    .ticket;
}

/** Signs the world's company admin in on `page` (the password the set-up gave them). */
export async function signInCompanyAdmin(page: Page, world: QueueWorld) {
  await page.goto(`/c/${world.slug}/admin/login`);
  await page.getByLabel("E-pochta").fill(`admin@${world.slug}.uz`);
  await page.getByLabel("Parol").fill("Toshkent-Filial-2026");
  await page.getByRole("button", { name: "Kirish" }).click();
}
