import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SUPER_ADMIN } from "../playwright.config";
import { PHONE } from "./accessibility";
import {
  ENTERED_NAMES,
  REVIEW_LANGUAGES,
  contextIn,
  reviewFace,
  type ReviewLanguage,
} from "./language-checks";
import { issueTicket, setUpQueueWorld, staffAllWeek, type QueueWorld } from "./queue-setup";

// The language review: every face of the product in Uzbek (Latin), Uzbek Cyrillic and Russian,
// a screenshot each (e2e/screenshots/languages/) and the checks of `reviewFace`.

const slugOf = (lang: ReviewLanguage) => `til-${lang.toLowerCase()}`;

/** Both clerks work all week, so the booking page offers times; Aziza sits at counter 3. */
async function openForBusiness(request: APIRequestContext, world: QueueWorld) {
  await staffAllWeek(request, world);
  const session = await request.post(`/api/c/${world.slug}/queue/session`, {
    headers: { authorization: `Bearer ${world.operator.token}` },
    data: { counterId: world.counters.three },
  });
  expect(session.ok(), await session.text()).toBeTruthy();
}

/** A kiosk or board of the branch that speaks `lang` first; answers its pairing code. */
async function deviceIn(
  request: APIRequestContext,
  world: QueueWorld,
  kind: "KIOSK" | "DISPLAY",
  lang: ReviewLanguage,
) {
  const res = await request.post(`/api/c/${world.slug}/admin/devices`, {
    headers: { authorization: `Bearer ${world.adminToken}` },
    data: {
      branchId: world.branch.id,
      kind,
      name: kind === "KIOSK" ? "Kirish kioski" : "Zal tablosi",
      settings: { languages: [lang] },
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ((await res.json()) as { pairingCode: string }).pairingCode;
}

/** The SMS code waiting in the outbox for `phone` (no SMS gateway in e2e). */
async function smsCode(request: APIRequestContext, phone: string): Promise<string> {
  const login = await request.post("/api/platform/auth/login", { data: SUPER_ADMIN });
  const su = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const outbox = await request.get("/api/platform/outbox?status=PENDING", { headers: su });
  const items = (await outbox.json()).items as { channel: string; to: string; text: string }[];
  const code = items
    .filter((m) => m.channel === "sms" && m.to === phone)
    .map((m) => /\b(\d{6})\b/.exec(m.text)?.[1])
    .find(Boolean);
  expect(code, "the sign-in code in the outbox").toBeTruthy();
  return code!;
}

async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(url);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('input[type="password"]').press("Enter");
}

for (const lang of REVIEW_LANGUAGES) {
  test(`every face in ${lang}: screenshots, page language, no raw keys, no foreign words`, async ({
    browser,
    request,
  }) => {
    test.setTimeout(240_000);
    const world = await setUpQueueWorld(request, slugOf(lang));
    await openForBusiness(request, world);
    const names = [...ENTERED_NAMES, ...REVIEW_LANGUAGES.map(slugOf)];
    const review = (page: Page, face: string, more: string[] = [], data?: string) =>
      reviewFace(page, lang, face, [...names, ...more], data ? { data } : {});
    // The customer's phone, one per language: their sign-in code is found by it.
    const phone = `+9989011122${REVIEW_LANGUAGES.indexOf(lang) + 30}`;
    const waiting = await issueTicket(request, world, world.services.kassa, "WALK_IN", "Dilshod");

    // The public portal on a phone.
    const mobile = await contextIn(browser, lang, PHONE);
    const portal = await mobile.newPage();
    await portal.goto("/");
    await expect(portal.getByTestId(`public-company-${world.slug}`)).toBeVisible();
    await review(portal, "portal-01-directory");
    await portal.goto(`/c/${world.slug}`);
    await expect(portal.getByTestId(`portal-branch-${world.branch.slug}`)).toBeVisible();
    await review(portal, "portal-02-company");
    await portal.goto(`/c/${world.slug}/b/${world.branch.slug}`);
    const kassa = portal.getByTestId("service-line-K");
    await expect(kassa).toBeVisible();
    await review(portal, "portal-03-branch");
    await kassa.getByRole("button").first().click();
    await expect(kassa.locator('input[type="tel"]')).toBeVisible();
    await review(portal, "portal-04-take-a-place");
    await kassa.locator('input[type="tel"]').fill(phone.slice(4));
    await kassa.locator('button[type="submit"]').click();
    await expect(portal.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "WAITING");
    await review(portal, "portal-05-ticket-waiting");
    await portal.goto(
      `/c/${world.slug}/b/${world.branch.slug}/book?service=${world.services.kassa}`,
    );
    await expect(portal.getByTestId("slot-grid")).toBeVisible();
    await review(portal, "portal-06-book-a-time");
    await portal.goto(`/c/${world.slug}/t/${encodeURIComponent(waiting.trackingToken)}`);
    await expect(portal.getByTestId("tracked-ticket")).toBeVisible();
    await review(portal, "portal-07-tracking");
    await portal.goto("/sign-in");
    await portal.locator('input[type="tel"]').fill(phone.slice(4));
    await review(portal, "portal-08-sign-in");
    await portal.locator('button[type="submit"]').click();
    const code = portal.locator('input[autocomplete="one-time-code"]');
    await code.fill(await smsCode(request, phone));
    await review(portal, "portal-08b-sign-in-code");
    await code.press("Enter");
    await expect(portal).toHaveURL(/\/me$/);
    await expect(portal.getByTestId("my-ticket").first()).toBeVisible();
    await review(portal, "portal-09-my-tickets");
    await mobile.close();

    // The hall kiosk (portrait touch screen) and the display board (TV), each speaking `lang`.
    const hall = await contextIn(browser, lang, {
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
    });
    await hall.addInitScript(() => {
      window.print = () => {};
    });
    const kiosk = await hall.newPage();
    const kioskCode = await deviceIn(request, world, "KIOSK", lang);
    await kiosk.goto(`/k/${world.slug}/${world.branch.slug}`);
    await expect(kiosk.getByTestId("pairing-screen")).toBeVisible();
    await review(kiosk, "kiosk-01-pairing");
    await kiosk.locator("#pairing-code").fill(kioskCode);
    await kiosk.locator("#pairing-code").press("Enter");
    const start = kiosk.getByTestId("kiosk-start");
    await expect(start).toBeEnabled();
    await review(kiosk, "kiosk-02-welcome");
    await start.tap();
    const services = kiosk.getByTestId("kiosk-services");
    await expect(services.getByRole("button").first()).toBeVisible();
    await review(kiosk, "kiosk-03-services");
    await services.getByRole("button").first().tap();
    await expect(kiosk.getByTestId("kiosk-phone")).toBeVisible();
    await review(kiosk, "kiosk-04-details");
    await kiosk.getByTestId("kiosk-name").tap();
    await review(kiosk, "kiosk-04b-letters");
    await kiosk.getByTestId("kiosk-issue").tap();
    await expect(kiosk.getByTestId("kiosk-ticket-number")).toBeVisible();
    await review(kiosk, "kiosk-05-ticket");
    await hall.close();

    const tv = await contextIn(browser, lang, { viewport: { width: 1920, height: 1080 } });
    const board = await tv.newPage();
    const boardCode = await deviceIn(request, world, "DISPLAY", lang);
    await board.goto(`/d/${world.slug}/${world.branch.slug}`);
    await expect(board.getByTestId("pairing-screen")).toBeVisible();
    await review(board, "board-01-pairing");
    await board.locator("#pairing-code").fill(boardCode);
    await board.locator("#pairing-code").press("Enter");
    await expect(board.getByTestId("display-board")).toHaveAttribute("data-connection", "online");
    const called = await request.post(`/api/c/${world.slug}/queue/call-next`, {
      headers: { authorization: `Bearer ${world.operator.token}` },
      data: {},
    });
    expect(called.ok(), await called.text()).toBeTruthy();
    await expect(board.getByTestId("board-current-label")).not.toBeEmpty();
    await review(board, "board-02-called");
    await tv.close();

    // The operator's workplace and the company admin, on an office screen.
    const office = await contextIn(browser, lang, { viewport: { width: 1366, height: 768 } });
    const op = await office.newPage();
    await signIn(op, `/c/${world.slug}/admin/login`, world.operator.email, world.operator.password);
    await expect(op.getByTestId("operator-workplace")).toBeVisible();
    await review(op, "operator-01-workplace");
    await office.close();
    const desk = await contextIn(browser, lang, { viewport: { width: 1366, height: 768 } });
    const admin = await desk.newPage();
    await admin.goto(`/c/${world.slug}/admin/login`);
    await review(admin, "admin-01-login");
    await signIn(
      admin,
      `/c/${world.slug}/admin/login`,
      `admin@${world.slug}.uz`,
      "Toshkent-Filial-2026",
    );
    await expect(admin).not.toHaveURL(/\/login$/);
    for (const page of [
      "branches",
      "services",
      "staff",
      "devices",
      "settings",
      "dashboard",
      "reports",
    ]) {
      await admin.goto(`/c/${world.slug}/admin/${page}`);
      await expect(admin.locator("main h1, h1").first()).toBeVisible();
      await review(admin, `admin-${page}`);
    }
    await admin.goto(`/c/${world.slug}/admin/branches/${world.branch.id}`);
    await expect(admin.locator("h1").first()).toBeVisible();
    await review(admin, "admin-branch");
    await desk.close();

    // The Super Admin panel.
    const platform = await contextIn(browser, lang, { viewport: { width: 1366, height: 768 } });
    const su = await platform.newPage();
    await su.goto("/admin/login");
    await review(su, "super-01-login");
    await signIn(su, "/admin/login", SUPER_ADMIN.email, SUPER_ADMIN.password);
    await expect(su).not.toHaveURL(/\/login$/);
    for (const page of ["companies", "figures", "outbox", "audit"]) {
      await su.goto(`/admin/${page}`);
      await expect(su.locator("h1").first()).toBeVisible();
      // The companies, messages and audit entries listed, and the audit's company filter, are
      // data other journeys made (names, texts stored in a company's language): only the
      // page's own words are read.
      const data = page === "figures" ? undefined : "tbody, #audit-company option:not([value=''])";
      await review(su, `super-${page}`, [], data);
    }
    await platform.close();
  });
}
