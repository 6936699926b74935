/// <reference lib="dom" />
// Browser code runs in page.evaluate here; the DOM types describe it.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { setUpQueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

/** What the kiosk says in each of its languages, as the screenshots below need it. */
const KIOSK_LANGUAGES = [
  { lang: "uz", button: "Oʻzbekcha", start: "Talon olish", back: "Orqaga", done: "Tayyor" },
  { lang: "ru", button: "Русский", start: "Получить талон", back: "Назад", done: "Готово" },
  { lang: "en", button: "English", start: "Get a ticket", back: "Back", done: "Done" },
] as const;

// Words only the Uzbek screens have: a Russian or English screen showing one is untranslated.
const UZBEK_ONLY = /Orqaga|Talon|kishi|daqiqa|Navbat|Tayyor|Ismsiz|Oldindan|filiali|xizmati/;

test("every kiosk screen, in Uzbek, Russian and English, on the portrait touch screen", async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const world = await setUpQueueWorld(request, "hamkorbank-screens");
  const created = await request.post(`/api/c/${world.slug}/admin/devices`, {
    headers: { authorization: `Bearer ${world.adminToken}` },
    data: { branchId: world.branch.id, kind: "KIOSK", name: "Zal kioski" },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const { pairingCode } = (await created.json()) as { pairingCode: string };
  const hall = await browser.newContext({
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
  });
  await hall.addInitScript(() => {
    window.print = () => {};
  });
  const kiosk = await hall.newPage();
  await kiosk.goto(`/k/${world.slug}/${world.branch.slug}`);
  for (const digit of pairingCode) {
    await kiosk.getByRole("button", { name: digit, exact: true }).tap();
  }
  await kiosk.getByRole("button", { name: "Ulash", exact: true }).tap();
  const start = kiosk.getByTestId("kiosk-start");
  await expect(start).toBeEnabled();
  await expect
    .poll(() => kiosk.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);

  for (const [i, l] of KIOSK_LANGUAGES.entries()) {
    const shot = async (n: number, screen: string) => {
      const name = `kiosk-${l.lang}-${n}-${screen}`;
      await snap(kiosk, name);
      await expectAccessible(kiosk, name);
      if (l.lang !== "uz") {
        const shown = await kiosk.locator("body").innerText();
        expect(shown, `${name}: Uzbek words left`).not.toMatch(UZBEK_ONLY);
      }
    };
    const choose = async () => {
      await kiosk.getByRole("button", { name: l.button, exact: true }).tap();
      await expect(start).toHaveText(l.start);
      await expect(kiosk.locator("html")).toHaveAttribute("lang", l.lang);
    };
    await choose();
    await shot(1, "welcome");

    await start.tap();
    const services = kiosk.getByTestId("kiosk-services");
    await expect(services.getByRole("button").first()).toBeVisible();
    await shot(2, "services");

    await services.getByRole("button").first().tap();
    await expect(kiosk.getByTestId("kiosk-phone")).toBeVisible();
    for (const digit of "90123") {
      await kiosk.getByRole("button", { name: digit, exact: true }).tap();
    }
    await shot(3, "details-keypad");
    await kiosk.getByTestId("kiosk-name").tap();
    await shot(4, "details-letters");
    await kiosk.getByTestId("kiosk-phone").tap();
    for (const digit of "4567") {
      await kiosk.getByRole("button", { name: digit, exact: true }).tap();
    }

    await kiosk.getByTestId("kiosk-issue").tap();
    await expect(kiosk.getByTestId("kiosk-ticket-number")).toHaveText(`K-00${i + 1}`);
    await shot(5, "ticket");
    await kiosk.getByRole("button", { name: l.done, exact: true }).tap();

    await choose();
    await kiosk.getByTestId("kiosk-have-booking").tap();
    await expect(kiosk.getByTestId("kiosk-check-in")).toBeVisible();
    await shot(6, "check-in");
    await kiosk.getByRole("button", { name: l.back, exact: true }).tap();

    await choose();
    await hall.setOffline(true);
    await expect(kiosk.getByTestId("kiosk-offline")).toBeVisible();
    await expect(start).toBeDisabled();
    await shot(7, "offline");
    await hall.setOffline(false);
    await expect(kiosk.getByTestId("kiosk-offline")).toBeHidden({ timeout: 30_000 });
    await expect(start).toBeEnabled();
  }
  await hall.close();
});
