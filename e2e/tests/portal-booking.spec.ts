import { expect, test } from "@playwright/test";
import { PHONE, expectAccessible } from "./accessibility";
import { ALL_WEEK, setUpQueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

test("a customer on a phone books a time, moves it, checks in and cancels", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await setUpQueueWorld(request, "hamkorbank-booking");
  // Both operators work around the clock, so every 5-minute slot has 2 places.
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

  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  await page.goto(`/c/${world.slug}/b/${world.branch.slug}`);
  const kassa = page.getByTestId("service-line-K");
  await expect(kassa.getByRole("link", { name: "Oldindan yozilish" })).toBeVisible();
  await snap(page, "booking-00-branch");
  await kassa.getByRole("link", { name: "Oldindan yozilish" }).click();
  await expect(page).toHaveURL(/\/book\?service=/);
  await expect(
    page.getByRole("heading", { name: "Kassa xizmati — oldindan yozilish" }),
  ).toBeVisible();
  const grid = page.getByTestId("slot-grid");
  await expect(grid.getByRole("button").first()).toContainText("Joy: 2");
  await snap(page, "booking-01-slots");
  await expectAccessible(page, "slot grid");

  const times = grid.getByRole("button", { disabled: false });
  const first = (await times.nth(0).locator("span").first().textContent())!;
  const second = (await times.nth(1).locator("span").first().textContent())!;
  await times.nth(0).click();
  await expect(page.getByTestId("booking-chosen")).toContainText(first);
  await page.getByLabel("Telefon raqami").fill("90 765 43 21");
  await snap(page, "booking-02-phone");
  await page.getByRole("button", { name: "Yozilish" }).click();

  await expect(page).toHaveURL(new RegExp(`/c/${world.slug}/t/`));
  const panel = page.getByTestId("booking-panel");
  await expect(panel).toHaveAttribute("data-status", "BOOKED");
  await expect(panel).toContainText("Siz yozildingiz");
  await expect(page.getByTestId("booking-when")).toContainText(first);
  await expect(panel).toContainText("Asia/Tashkent");
  await snap(page, "booking-03-confirmed");
  await expectAccessible(page, "booking page");

  const ics = await request.get((await page.getByTestId("booking-calendar").getAttribute("href"))!);
  expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect(await ics.text()).toContain("BEGIN:VEVENT");

  // Move to the next time: still inside the check-in window.
  await panel.getByRole("button", { name: "Vaqtni oʻzgartirish" }).click();
  await panel
    .getByTestId("slot-grid")
    .getByRole("button", { name: new RegExp(second) })
    .click();
  await panel.getByRole("button", { name: new RegExp(`${second} ga koʻchirish`) }).click();
  await expect(panel).toContainText("yangi vaqtga koʻchirildi");
  await expect(page.getByTestId("booking-when")).toContainText(second);
  await snap(page, "booking-04-moved");

  await panel.getByRole("button", { name: "Kelganimni tasdiqlash" }).click();
  await expect(panel).toHaveAttribute("data-status", "WAITING");
  await expect(page.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "WAITING", {
    timeout: 5_000,
  });
  await snap(page, "booking-05-checked-in");

  await panel.getByRole("button", { name: "Yozilishni bekor qilish" }).click();
  await panel.getByRole("button", { name: "Ha, bekor qilish" }).click();
  await expect(panel).toHaveAttribute("data-status", "CANCELLED");
  await expect(panel).toContainText("bekor qilingan");
  await snap(page, "booking-06-cancelled");

  // Russian: the booking's texts arrive with the page.
  await page.getByLabel("Til").selectOption("ru");
  await page.goto(`/c/${world.slug}/b/${world.branch.slug}/book?service=${world.services.kassa}`);
  await expect(page.getByRole("heading", { name: "Касса — предварительная запись" })).toBeVisible();
  await expect(page.getByTestId("slot-grid").getByRole("button").first()).toContainText("Мест:");
  await snap(page, "booking-07-slots-ru");
  await phone.close();
});
