import { expect, test, type Locator } from "@playwright/test";
import { PHONE, expectAccessible } from "./accessibility";
import { setUpQueueWorld, staffAllWeek } from "./queue-setup";
import { snap } from "./screenshots";

// Booking from the branch page to checking in is the portal journey's (portal-journey.spec.ts);
// this one is what a booked customer may change afterwards: the time, or the whole booking.

/** Picks a time in a slot picker: its hour first when the day is long enough to have hours. */
async function pickTime(picker: Locator, time: string) {
  const hours = picker.getByTestId("slot-hours");
  if (await hours.isVisible()) {
    await hours.getByRole("button", { name: `${time.slice(0, 2)}:00` }).click();
  }
  await picker
    .getByTestId("slot-grid")
    .getByRole("button", { name: new RegExp(time) })
    .click();
}

/** The first two free times of the day on the picker, the second maybe in the next hour. */
async function firstTwoTimes(picker: Locator): Promise<[string, string]> {
  const read = async () =>
    Promise.all(
      (await picker.getByTestId("slot-grid").getByRole("button", { disabled: false }).all()).map(
        async (b) => (await b.locator("span").first().textContent())!,
      ),
    );
  const found = await read();
  const hours = picker.getByTestId("slot-hours");
  if (found.length < 2 && (await hours.isVisible())) {
    const pressed = hours.locator('[aria-pressed="true"]');
    const next = pressed.locator("xpath=following-sibling::button[not(@disabled)][1]");
    await next.click();
    found.push(...(await read()));
    await hours.getByRole("button", { disabled: false }).first().click();
  }
  expect(found.length).toBeGreaterThanOrEqual(2);
  return [found[0]!, found[1]!];
}

test("a booked customer moves the time, then cancels; the booking in Russian", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await setUpQueueWorld(request, "hamkorbank-booking");
  // Both operators work around the clock, so every 5-minute slot has 2 places.
  await staffAllWeek(request, world);

  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  await page.goto(`/c/${world.slug}/b/${world.branch.slug}/book?service=${world.services.kassa}`);
  const picker = page.getByTestId("slot-picker");
  await expect(picker.getByTestId("slot-grid").getByRole("button").first()).toContainText("Joy: 2");
  const [first, second] = await firstTwoTimes(picker);
  await pickTime(picker, first);
  await expect(page.getByTestId("booking-chosen")).toContainText(first);
  await page.getByLabel("Telefon raqami").fill("90 765 43 21");
  await page.getByRole("button", { name: "Yozilish" }).click();

  await expect(page).toHaveURL(new RegExp(`/c/${world.slug}/t/`));
  const panel = page.getByTestId("booking-panel");
  await expect(panel).toHaveAttribute("data-status", "BOOKED");
  await expect(page.getByTestId("booking-when")).toContainText(first);
  // The branch's zone as people read it (its name where the browser knows one in Uzbek), never
  // its IANA id.
  await expect(panel).toContainText("GMT+5)");
  await expect(panel).not.toContainText("Asia/Tashkent");

  // Move to the next time.
  await panel.getByRole("button", { name: "Vaqtni oʻzgartirish" }).click();
  await expectAccessible(page, "moving a booking");
  await pickTime(panel, second);
  await panel.getByRole("button", { name: new RegExp(`${second}ga koʻchirish`) }).click();
  await expect(panel).toContainText("yangi vaqtga koʻchirildi");
  // The same day keeps the number: no "new number" to learn.
  await expect(panel).not.toContainText("Yangi talon raqamingiz");
  await expect(page.getByTestId("booking-when")).toContainText(second);
  await snap(page, "booking-01-moved");

  await panel.getByRole("button", { name: "Yozilishni bekor qilish" }).click();
  await panel.getByRole("button", { name: "Ha, bekor qilish" }).click();
  await expect(panel).toHaveAttribute("data-status", "CANCELLED");
  await expect(panel).toContainText("bekor qilingan");
  await snap(page, "booking-02-cancelled");
  await expectAccessible(page, "cancelled booking");

  // Not a dead end: another time of the same service, in Russian (its texts come with the page).
  await page.getByLabel("Til").selectOption("ru");
  await panel.getByRole("link", { name: "Записаться на другое время" }).click();
  await expect(page.getByRole("heading", { name: "Касса — предварительная запись" })).toBeVisible();
  await expect(page.getByTestId("slot-grid").getByRole("button").first()).toContainText("Мест:");
  await snap(page, "booking-03-slots-ru");
  await phone.close();
});
