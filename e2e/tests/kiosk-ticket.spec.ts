/// <reference lib="dom" />
// Browser code runs in page.evaluate here; the DOM types describe it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import jsQR from "jsqr";
import { PHONE, expectAccessible } from "./accessibility";
import { decodeQr, rasterisePdf } from "./printed-ticket";
import { setUpQueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../screenshots");

test("a customer at the hall kiosk takes a cash-desk ticket with a phone number, and the kiosk forgets them", async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const world = await setUpQueueWorld(request, "hamkorbank-kiosk");
  const admin = { authorization: `Bearer ${world.adminToken}` };
  // Aziza is at counter 3; two people already wait at the cash desk.
  const session = await request.post(`/api/c/${world.slug}/queue/session`, {
    headers: { authorization: `Bearer ${world.operator.token}` },
    data: { counterId: world.counters.three },
  });
  expect(session.ok(), await session.text()).toBeTruthy();
  for (let i = 0; i < 2; i++) {
    const res = await request.post(`/api/c/${world.slug}/queue/tickets`, {
      headers: admin,
      data: { branchId: world.branch.id, serviceId: world.services.kassa },
    });
    expect(res.ok(), await res.text()).toBeTruthy();
  }
  // The hall's display board, paired with the code from the set-up.
  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const board = await tv.newPage();
  await board.goto(`/d/${world.slug}/${world.branch.slug}`);
  await board.locator("input").first().fill(world.pairingCode);
  await board.keyboard.press("Enter");
  await expect(board.getByTestId("display-board")).toHaveAttribute("data-connection", "online");

  // The company admin adds the kiosk in the admin panel; the clock runs from here to the first
  // printed ticket.
  const office = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const adminPage = await office.newPage();
  await adminPage.goto(`/c/${world.slug}/admin/login`);
  await adminPage.getByLabel("E-pochta").fill(`admin@${world.slug}.uz`);
  await adminPage.getByLabel("Parol").fill("Toshkent-Filial-2026");
  await adminPage.getByRole("button", { name: "Kirish" }).click();
  await adminPage
    .getByRole("navigation", { name: "Boshqaruv menyusi" })
    .getByRole("link", { name: "Qurilmalar" })
    .click();
  const addKiosk = adminPage.getByRole("button", { name: "+ Kiosk qoʻshish" }).first();
  await expect(addKiosk).toBeVisible();
  const setUpStarted = Date.now();
  await addKiosk.click();
  await adminPage.locator("#device-branch").selectOption({ label: "Toshkent filiali" });
  await adminPage.getByLabel("Nomi").fill("Kirish yonidagi kiosk");
  await adminPage.getByRole("button", { name: "Ulash kodini olish" }).click();
  const pairingCode = (await adminPage.getByTestId("pairing-code").getAttribute("data-code")) ?? "";
  expect(pairingCode).toMatch(/^\d{6}$/);

  // A portrait touch screen in the hall; printing is counted instead of opening a dialog.
  const hall = await browser.newContext({
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
  });
  await hall.addInitScript(() => {
    const w = window as unknown as { __prints: number };
    w.__prints = 0;
    window.print = () => {
      w.__prints++;
    };
  });
  const kiosk = await hall.newPage();
  // Time runs as usual, but the test may jump ahead (the ticket's and the idle return).
  await kiosk.clock.install();
  await kiosk.goto(`/k/${world.slug}/${world.branch.slug}`);
  for (const digit of pairingCode) {
    await kiosk.getByRole("button", { name: digit, exact: true }).tap();
  }
  await kiosk.getByRole("button", { name: "Ulash", exact: true }).tap();

  // Welcome: the company, the branch, the languages and one big button.
  const start = kiosk.getByTestId("kiosk-start");
  await expect(start).toBeEnabled();
  await expect(kiosk.getByText("Hamkorbank")).toBeVisible();
  await expect(kiosk.getByText("Toshkent filiali")).toBeVisible();
  await expect(kiosk.getByRole("button", { name: "Русский" })).toBeVisible();
  await snap(kiosk, "kiosk-01-welcome");
  await expectAccessible(kiosk, "welcome");

  await start.tap();
  const services = kiosk.getByTestId("kiosk-services");
  const kassa = services.getByRole("button", { name: /Kassa xizmati/ });
  await expect(kassa).toContainText("Navbatda: 2 kishi");
  await expect(kassa).toContainText("Operatorlar: 1");
  await expect(kassa).toContainText(/Kutish vaqti: \d+–\d+ daqiqa/);
  const box = await kassa.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  await snap(kiosk, "kiosk-02-services");
  await expectAccessible(kiosk, "services");

  // Optional details: the phone on the keypad behind the +998 mask, the name on the letters.
  await kassa.tap();
  const phone = kiosk.getByTestId("kiosk-phone");
  await expect(phone).toContainText("+998 __ ___ __ __");
  for (const digit of "901234567") {
    await kiosk.getByRole("button", { name: digit, exact: true }).tap();
  }
  await expect(phone).toContainText("+998 90 123 45 67");
  await kiosk.getByTestId("kiosk-name").tap();
  for (const letter of "AZIZ") {
    await kiosk.getByRole("button", { name: letter, exact: true }).tap();
  }
  await expect(kiosk.getByTestId("kiosk-name")).toContainText("Aziz");
  await snap(kiosk, "kiosk-03-details");
  await expectAccessible(kiosk, "details");

  const issued = kiosk.waitForResponse((r) => r.url().endsWith("/kiosk/tickets"));
  await kiosk.getByTestId("kiosk-issue").tap();
  const answer = (await (await issued).json()) as { ticket: { id: string; trackPath: string } };
  const ticket = kiosk.getByTestId("kiosk-ticket");
  await expect(kiosk.getByTestId("kiosk-ticket-number")).toHaveText("K-001");
  await expect(ticket).toContainText("Kassa xizmati");
  await expect(ticket).toContainText("Sizdan oldin 2 kishi");
  await expect(ticket).toContainText(/Taxminan \d+–\d+ daqiqa/);
  await expect(ticket.getByRole("img").locator("svg")).toBeVisible();
  await expect
    .poll(() => kiosk.evaluate(() => (window as unknown as { __prints: number }).__prints), {
      intervals: [50],
    })
    .toBe(1);
  const setUpSeconds = (Date.now() - setUpStarted) / 1000;
  console.log(`Kiosk set-up, from "add device" to the first printed ticket: ${setUpSeconds} s`);
  test.info().annotations.push({ type: "kiosk set-up (s)", description: String(setUpSeconds) });
  expect(setUpSeconds).toBeLessThan(60);
  await expect(adminPage.getByTestId("pairing-done")).toBeVisible({ timeout: 15_000 });
  await office.close();
  await snap(kiosk, "kiosk-04-ticket");
  await expectAccessible(kiosk, "ticket");

  // The receipt as the printer gets it: Chromium prints the page (print stylesheet) on 80 mm
  // paper to a PDF; the PDF is rasterised and its QR code decodes to the ticket's tracking link.
  const trackUrl = new URL(`/c/${world.slug}${answer.ticket.trackPath}`, kiosk.url()).href;
  const pdf = await kiosk.pdf({ width: "80mm", height: "200mm", printBackground: true });
  const printed = rasterisePdf(pdf, 300);
  fs.writeFileSync(path.join(SCREENSHOTS, "kiosk-05-receipt-pdf.png"), printed.png);
  expect(printed.text).toContain("K-001");
  expect(printed.text).toContain("Sizdan oldin 2 kishi");
  expect(printed.text).toContain("Hamkorbank");
  expect(jsQR(printed.rgba, printed.width, printed.height)?.data).toBe(trackUrl);

  // The customer's phone opens the printed link and sees the ticket, waiting.
  const mobile = await browser.newContext(PHONE);
  const phonePage = await mobile.newPage();
  await phonePage.goto(new URL(trackUrl).pathname);
  const tracked = phonePage.getByTestId("tracked-ticket");
  await expect(tracked).toHaveAttribute("data-status", "WAITING");
  await expect(phonePage.getByText("K-001").first()).toBeVisible();
  await snap(phonePage, "kiosk-06-tracking-on-phone");

  // Aziza calls this ticket to counter 3: the hall's board and the customer's phone show it.
  const called = await request.post(`/api/c/${world.slug}/queue/tickets/${answer.ticket.id}/call`, {
    headers: { authorization: `Bearer ${world.operator.token}` },
    data: {},
  });
  expect(called.ok(), await called.text()).toBeTruthy();
  await expect(board.getByTestId("board-current-label")).toHaveText("K-001", { timeout: 2_500 });
  await expect(board.getByTestId("board-current-counter")).toHaveText("3-oyna");
  await expect(tracked).toHaveAttribute("data-status", "CALLED", { timeout: 2_500 });
  await expect(tracked).toContainText("3-oyna");
  await snap(phonePage, "kiosk-06b-called-on-phone");
  await snap(board, "kiosk-06c-called-on-board");
  await mobile.close();
  await tv.close();

  // The ticket goes back to the start by itself after about 20 s; nothing about Aziz stays.
  await kiosk.clock.fastForward(21_000);
  await expect(start).toBeVisible();
  const stored = await kiosk.evaluate(() =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
  );
  expect(stored).not.toContain("901234567");
  expect(stored).not.toMatch(/aziz/i);
  await expect(kiosk.locator("body")).not.toContainText("Aziz");

  // English for the next person (for this visit only), in landscape too; no name this time.
  await kiosk.getByRole("button", { name: "English" }).tap();
  await expect(start).toHaveText("Get a ticket");
  await start.tap();
  await expect(services).toContainText("Waiting: 2");
  await snap(kiosk, "kiosk-07-services-en");
  await kiosk.setViewportSize({ width: 1920, height: 1080 });
  await snap(kiosk, "kiosk-07b-services-en-landscape");
  await kiosk.setViewportSize({ width: 1080, height: 1920 });
  await services.getByRole("button", { name: /Credit advice/ }).tap();
  await kiosk.getByRole("button", { name: "Without a name" }).tap();
  await expect(kiosk.getByTestId("kiosk-ticket-number")).toHaveText("K-002");
  await expect(ticket).toContainText("Nobody ahead of you");
  await snap(kiosk, "kiosk-08-ticket-en");
  await kiosk.getByRole("button", { name: "Done" }).tap();
  // Back at the start the kiosk speaks its first language again.
  await expect(start).toHaveText("Talon olish");

  // Russian, then the customer walks away: after the idle time the kiosk starts over.
  await kiosk.getByRole("button", { name: "Русский" }).tap();
  await expect(start).toHaveText("Получить талон");
  await snap(kiosk, "kiosk-09-welcome-ru");
  await start.tap();
  await expect(services).toContainText("В очереди: 2 человека");
  await snap(kiosk, "kiosk-10-services-ru");
  await kiosk.clock.fastForward("05:01");
  await expect(start).toHaveText("Talon olish");

  // The server away: the kiosk says so instead of failing silently, and takes no ticket.
  await expect
    .poll(() => kiosk.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await hall.setOffline(true);
  await expect(kiosk.getByTestId("kiosk-offline")).toBeVisible();
  await expect(start).toBeDisabled();
  await snap(kiosk, "kiosk-11-offline");
  await expectAccessible(kiosk, "offline banner");

  // Its service worker keeps the app shell and the last snapshot is kept: a reload without a
  // network still opens the kiosk, which says why it cannot issue (offline issuing is off here).
  await kiosk.reload();
  await expect(kiosk.getByTestId("kiosk-offline")).toContainText("talon berib boʻlmaydi");
  await expect(start).toBeDisabled();
  await snap(kiosk, "kiosk-12-offline-reload");
  await hall.setOffline(false);
  await kiosk.reload();
  await expect(start).toBeEnabled();
  await expect(kiosk.getByTestId("kiosk-offline")).toBeHidden();

  // The admin changes the kiosk's languages: the kiosk shows them within seconds (its poll is
  // 20 s; the server tells it over its socket). Then the admin revokes it: it asks to be paired.
  const devices = await request.get(`/api/c/${world.slug}/admin/devices?kind=KIOSK`, {
    headers: admin,
  });
  const { id: deviceId } = (
    (await devices.json()) as { items: { id: string; name: string }[] }
  ).items.find((d) => d.name === "Kirish yonidagi kiosk")!;
  await expect(kiosk.getByRole("button", { name: "Русский" })).toBeVisible();
  const patched = await request.patch(`/api/c/${world.slug}/admin/devices/${deviceId}`, {
    headers: admin,
    data: { settings: { languages: ["uz", "en"] } },
  });
  expect(patched.ok(), await patched.text()).toBeTruthy();
  await expect(kiosk.getByRole("button", { name: "Русский" })).toHaveCount(0, { timeout: 3_000 });
  await expect(kiosk.getByRole("button", { name: "English" })).toBeVisible();
  const revoked = await request.post(`/api/c/${world.slug}/admin/devices/${deviceId}/revoke`, {
    headers: admin,
  });
  expect(revoked.ok(), await revoked.text()).toBeTruthy();
  await expect(kiosk.getByTestId("pairing-screen")).toBeVisible({ timeout: 3_000 });
  await expect(start).toBeHidden();
  await hall.close();
});

test("the kiosk keeps issuing while its server is away and hands the tickets in when it returns", async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const world = await setUpQueueWorld(request, "hamkorbank-offline");
  const admin = { authorization: `Bearer ${world.adminToken}` };
  const created = await request.post(`/api/c/${world.slug}/admin/devices`, {
    headers: admin,
    data: {
      branchId: world.branch.id,
      kind: "KIOSK",
      name: "Zal kioski",
      settings: { offlineIssuing: true, autoPrint: false },
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const { pairingCode } = (await created.json()) as { pairingCode: string };

  const hall = await browser.newContext({
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
  });
  const kiosk = await hall.newPage();
  await kiosk.goto(`/k/${world.slug}/${world.branch.slug}`);
  const reserved = kiosk.waitForResponse((r) => r.url().endsWith("/kiosk/offline-block"));
  for (const digit of pairingCode) {
    await kiosk.getByRole("button", { name: digit, exact: true }).tap();
  }
  await kiosk.getByRole("button", { name: "Ulash", exact: true }).tap();
  expect((await reserved).status()).toBe(201);
  const start = kiosk.getByTestId("kiosk-start");
  await expect(start).toBeEnabled();

  // The network goes: the kiosk says so and still issues, from its reserved numbers.
  await hall.setOffline(true);
  await expect(kiosk.getByTestId("kiosk-offline")).toContainText("oflayn beriladi");
  const tokens: string[] = [];
  for (const n of [1, 2, 3, 4]) {
    if (n === 4) {
      // Restarted without a network, it starts from what it kept and goes on with its numbers.
      await kiosk.reload();
      await expect(kiosk.getByTestId("kiosk-offline")).toContainText("oflayn beriladi");
    }
    await start.tap();
    await kiosk
      .getByTestId("kiosk-services")
      .getByRole("button", { name: /Kassa xizmati/ })
      .tap();
    await kiosk.getByRole("button", { name: "Ismsiz olish" }).tap();
    await expect(kiosk.getByTestId("kiosk-ticket-number")).toHaveText(`K-00${n}`);
    await expect(kiosk.getByTestId("kiosk-ticket-offline")).toBeVisible();
    const link = await decodeQr(kiosk, kiosk.getByRole("img", { name: /QR/ }));
    tokens.push(link!.split("/t/")[1]!);
    if (n === 1) {
      await snap(kiosk, "kiosk-13-offline-ticket");
      await expectAccessible(kiosk, "offline ticket");
    }
    await kiosk.getByRole("button", { name: "Tayyor" }).tap();
  }

  // Back online: they are handed in once each, in issue order, before anyone issued later.
  await hall.setOffline(false);
  await expect(kiosk.getByTestId("kiosk-offline")).toBeHidden({ timeout: 30_000 });
  for (const [i, token] of tokens.entries()) {
    await expect
      .poll(
        async () => (await request.get(`/api/c/${world.slug}/public/tickets/${token}`)).status(),
        {
          timeout: 30_000,
        },
      )
      .toBe(200);
    const view = await (await request.get(`/api/c/${world.slug}/public/tickets/${token}`)).json();
    expect(view).toMatchObject({ label: `K-00${i + 1}`, peopleAhead: i });
  }
  // Nothing issued offline (names, phones) stays on the device once handed in.
  const kept = await kiosk.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open("eq-kiosk");
        open.onsuccess = () => {
          const tx = open.result.transaction("kv", "readonly");
          const all = tx.objectStore("kv").getAll();
          all.onsuccess = () => resolve(all.result);
        };
      }),
  );
  expect(JSON.stringify(kept)).not.toContain("issuedAt");
  // A ticket issued online now comes after the reserved numbers.
  await start.tap();
  await kiosk
    .getByTestId("kiosk-services")
    .getByRole("button", { name: /Kassa xizmati/ })
    .tap();
  await kiosk.getByRole("button", { name: "Ismsiz olish" }).tap();
  await expect(kiosk.getByTestId("kiosk-ticket-number")).toHaveText("K-011");
  await expect(kiosk.getByTestId("kiosk-ticket")).toContainText("Sizdan oldin 4 kishi");
  await hall.close();
});
