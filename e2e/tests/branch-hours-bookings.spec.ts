import { expect, test } from "@playwright/test";
import { setUpQueueWorld, staffAllWeek } from "./queue-setup";
import { snap } from "./screenshots";

const UZ_WEEKDAYS = [
  "Dushanba",
  "Seshanba",
  "Chorshanba",
  "Payshanba",
  "Juma",
  "Shanba",
  "Yakshanba",
];

test("an admin shortens a day's hours and is told first which bookings it cancels", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await setUpQueueWorld(request, "soatbank");
  await staffAllWeek(request, world);
  // A customer booked 20:00 two days ahead; the branch is open until 23:59 every day.
  const slotsRes = await request.get(
    `/api/c/${world.slug}/portal/branches/${world.branch.slug}/slots?serviceId=${world.services.kassa}`,
  );
  const slots = (
    (await slotsRes.json()) as {
      slots: { startsAt: string; localDate: string; localTime: string }[];
    }
  ).slots;
  const day = [...new Set(slots.map((s) => s.localDate))][2]!;
  const evening = slots.find((s) => s.localDate === day && s.localTime === "20:00")!;
  const booked = await request.post(`/api/c/${world.slug}/portal/bookings`, {
    data: {
      branchId: world.branch.id,
      serviceId: world.services.kassa,
      startsAt: evening.startsAt,
      phone: "+998901112233",
    },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  const { booking } = (await booked.json()) as { booking: { token: string } };

  const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await desk.newPage();
  await page.goto(`/c/${world.slug}/admin/login`);
  await page.getByLabel("E-pochta").fill(`admin@${world.slug}.uz`);
  await page.getByLabel("Parol").fill("Toshkent-Filial-2026");
  await page.getByRole("button", { name: "Kirish" }).click();
  await expect(page).toHaveURL(/\/admin/);
  await page.goto(`/c/${world.slug}/admin/branches/${world.branch.id}?tab=hours`);

  // That weekday now closes at 18:00: the 20:00 booking has no room.
  const weekday = UZ_WEEKDAYS[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7]!;
  const closes = page.getByLabel(`${weekday}: yopilish vaqti`);
  await closes.fill("18:00");
  await closes.blur();
  await page.getByRole("button", { name: "Ish vaqtini saqlash" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Yangi ish vaqtiga 1 ta yozuv sigʻmaydi");
  await expect(dialog.getByTestId("hours-outside-days")).toContainText("1 ta yozuv");
  await snap(page, "setup-hours-bookings-outside");

  // Going back changes nothing; saving cancels the booking and says so.
  await dialog.getByRole("button", { name: "Ish vaqtiga qaytish" }).click();
  await expect(dialog).toBeHidden();
  const status = async () =>
    (
      (await (
        await request.get(`/api/c/${world.slug}/portal/bookings/${booking.token}`)
      ).json()) as {
        booking: { status: string };
      }
    ).booking.status;
  expect(await status()).toBe("BOOKED");
  await page.getByRole("button", { name: "Ish vaqtini saqlash" }).click();
  await page.getByRole("button", { name: "Saqlash va yozuvlarni bekor qilish" }).click();
  await expect(page.getByText("1 ta yozuv bekor qilindi")).toBeVisible();
  expect(await status()).toBe("CANCELLED");
  await desk.close();
});
