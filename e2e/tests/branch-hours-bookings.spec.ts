import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { setUpQueueWorld, staffAllWeek, type QueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

// What a booked customer's time becomes when the admin changes the set-up under it: hours that
// no longer have room cancel the booking (after the admin confirms); an operator's schedule
// never cancels, but the admin is told which times are left short of operators.

const UZ_WEEKDAYS = [
  "Dushanba",
  "Seshanba",
  "Chorshanba",
  "Payshanba",
  "Juma",
  "Shanba",
  "Yakshanba",
];

/** A world whose operators work all week, and the local day two days ahead with its weekday. */
async function bookableWorld(request: APIRequestContext, slug: string) {
  const world = await setUpQueueWorld(request, slug);
  await staffAllWeek(request, world);
  const res = await request.get(
    `/api/c/${world.slug}/portal/branches/${world.branch.slug}/slots?serviceId=${world.services.kassa}`,
  );
  const slots = (
    (await res.json()) as { slots: { startsAt: string; localDate: string; localTime: string }[] }
  ).slots;
  const day = [...new Set(slots.map((s) => s.localDate))][2]!;
  const weekday = UZ_WEEKDAYS[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7]!;
  /** Books the cash desk at `time` that day; answers the booking's token. */
  const bookAt = async (time: string, phone: string) => {
    const slot = slots.find((s) => s.localDate === day && s.localTime === time)!;
    const booked = await request.post(`/api/c/${world.slug}/portal/bookings`, {
      data: {
        branchId: world.branch.id,
        serviceId: world.services.kassa,
        startsAt: slot.startsAt,
        phone,
      },
    });
    expect(booked.status(), await booked.text()).toBe(201);
    return ((await booked.json()) as { booking: { token: string } }).booking.token;
  };
  return { world, weekday, bookAt };
}

/** A booking's status, as its customer's page reads it. */
async function bookingStatus(request: APIRequestContext, slug: string, token: string) {
  const res = await request.get(`/api/c/${slug}/portal/bookings/${token}`);
  return ((await res.json()) as { booking: { status: string } }).booking.status;
}

async function adminDesk(browser: Browser, world: QueueWorld) {
  const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await desk.newPage();
  await page.goto(`/c/${world.slug}/admin/login`);
  await page.getByLabel("E-pochta").fill(`admin@${world.slug}.uz`);
  await page.getByLabel("Parol").fill("Toshkent-Filial-2026");
  await page.getByRole("button", { name: "Kirish" }).click();
  // Signed in once the panel's menu is there ("/admin" alone matches the sign-in page too, and
  // a page.goto before the session cookie arrives lands back on it).
  await expect(page.getByRole("navigation", { name: "Boshqaruv menyusi" })).toBeVisible();
  return { desk, page };
}

test("an admin shortens a day's hours and is told first which bookings it cancels", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { world, weekday, bookAt } = await bookableWorld(request, "soatbank");
  // A customer booked 20:00; the branch is open until 23:59 every day.
  const token = await bookAt("20:00", "+998901112233");
  const { desk, page } = await adminDesk(browser, world);
  await page.goto(`/c/${world.slug}/admin/branches/${world.branch.id}?tab=hours`);

  // That weekday now closes at 18:00: the 20:00 booking has no room.
  const closes = page.getByLabel(`${weekday}: yopilish vaqti`, { exact: true });
  await closes.fill("18:00");
  await closes.blur();
  await page.getByRole("button", { name: "Ish vaqtini saqlash" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Yangi ish vaqtiga 1 ta yozilish sigʻmaydi");
  await expect(dialog.getByTestId("hours-outside-days")).toContainText("1 ta yozilish");
  await snap(page, "setup-hours-bookings-outside");

  // Going back changes nothing; saving cancels the booking and says so.
  await dialog.getByRole("button", { name: "Ish vaqtiga qaytish" }).click();
  await expect(dialog).toBeHidden();
  const status = (of = token) => bookingStatus(request, world.slug, of);
  expect(await status()).toBe("BOOKED");
  await page.getByRole("button", { name: "Ish vaqtini saqlash" }).click();
  await page.getByRole("button", { name: "Saqlash va yozilishlarni bekor qilish" }).click();
  await expect(page.getByText("1 ta yozilish bekor qilindi")).toBeVisible();
  expect(await status()).toBe("CANCELLED");

  // Another time zone moves a 16:00 booking to 20:00 Tokyo time, past the 18:00 close: the
  // details tab asks first too, and asks before its unsaved edit is left behind.
  const afternoon = await bookAt("16:00", "+998901112266");
  await page.getByRole("tab", { name: "Maʼlumotlar" }).click();
  await page.getByLabel("Vaqt mintaqasi").selectOption("Asia/Tokyo");
  await page.getByRole("tab", { name: "Ish vaqti" }).click();
  const leave = page.getByRole("dialog", { name: "Oʻzgarishlar saqlanmasinmi?" });
  await leave.getByRole("button", { name: "Sahifada qolish" }).click();
  await page.getByRole("button", { name: "Saqlash", exact: true }).click();
  const zone = page.getByRole("dialog");
  await expect(zone).toContainText("Yangi vaqt mintaqasida 1 ta yozilish ish vaqtiga sigʻmaydi");
  await snap(page, "setup-zone-bookings-outside");
  await zone.getByRole("button", { name: "Formaga qaytish" }).click();
  expect(await status(afternoon)).toBe("BOOKED");
  await page.getByLabel("Vaqt mintaqasi").selectOption("Asia/Tashkent");
  await page.getByRole("button", { name: "Saqlash", exact: true }).click();
  await expect(page.getByText("Filial saqlandi")).toBeVisible();
  expect(await status(afternoon)).toBe("BOOKED");
  await desk.close();
});

test("an admin narrows an operator's schedule and is told which booked times lose an operator", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { world, weekday, bookAt } = await bookableWorld(request, "jadvalbank");
  // Both operators' places at 20:00 are booked.
  await bookAt("20:00", "+998901112244");
  await bookAt("20:00", "+998901112255");
  const admin = { authorization: `Bearer ${world.adminToken}` };
  const staff = (
    (await (await request.get(`/api/c/${world.slug}/admin/staff`, { headers: admin })).json()) as {
      items: { id: string; email: string }[];
    }
  ).items;
  const idOf = (email: string) => staff.find((s) => s.email === email)!.id;
  const { desk, page } = await adminDesk(browser, world);

  // Aziza stops at 18:00 that weekday: 20:00 keeps one operator for two bookings.
  await page.goto(`/c/${world.slug}/admin/staff/${idOf(world.operator.email)}`);
  const closes = page.getByLabel(`${weekday}: yopilish vaqti`, { exact: true });
  await closes.fill("18:00");
  await closes.blur();
  await page.getByRole("button", { name: "Saqlash", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("1 ta yozilishga operator yetmaydi");
  await expect(dialog.getByTestId("short-slots")).toContainText(
    "20:00 · Kassa xizmati: 2 ta yozilish, 1 ta joy",
  );
  await snap(page, "setup-staff-bookings-short");
  await dialog.getByRole("button", { name: "Baribir saqlash" }).click();
  await expect(dialog).toBeHidden();

  // Deactivating Bobur, the one left at 20:00, names the same time in its dialog.
  await page.goto(`/c/${world.slug}/admin/staff/${idOf(world.colleague.email)}`);
  await page.getByRole("button", { name: "Faolsizlantirish" }).click();
  const deactivate = page.getByRole("dialog");
  await expect(deactivate).toContainText("Diqqat: 2 ta yozilishga operator yetmay qoladi.");
  await expect(deactivate.getByTestId("short-slots")).toContainText("0 ta joy");
  await snap(page, "setup-staff-deactivate-short");
  await desk.close();
});

test("an admin pauses a booked service at a branch and is asked before its bookings go", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { world, bookAt } = await bookableWorld(request, "xizmatbank");
  const token = await bookAt("20:00", "+998901112277");
  const { desk, page } = await adminDesk(browser, world);
  await page.goto(`/c/${world.slug}/admin/branches/${world.branch.id}?tab=services`);

  // The cash desk's switch off: the row says its booking would go, and saving asks first.
  const list = page.getByTestId("branch-services");
  const kassa = list.getByRole("listitem").filter({ hasText: "Kassa" });
  await kassa.getByRole("switch").click();
  await expect(kassa).toContainText("1 ta yozilish bor: saqlasangiz, u bekor qilinadi.");
  await page.getByRole("button", { name: "Xizmatlarni saqlash" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("1 ta yozilish bekor qilinadi");
  await snap(page, "setup-service-paused-bookings");
  const status = () => bookingStatus(request, world.slug, token);
  await dialog.getByRole("button", { name: "Xizmatlarga qaytish" }).click();
  await expect(dialog).toBeHidden();
  expect(await status()).toBe("BOOKED");

  await page.getByRole("button", { name: "Xizmatlarni saqlash" }).click();
  await page.getByRole("button", { name: "Saqlash va yozilishlarni bekor qilish" }).click();
  await expect(page.getByText("1 ta yozilish bekor qilindi")).toBeVisible();
  expect(await status()).toBe("CANCELLED");
  await expect(kassa).not.toContainText("yozilish bor");

  // The customer's page, on a phone, says why and offers to choose anew.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const customer = await phone.newPage();
  await customer.goto(`/c/${world.slug}/t/${token}`);
  await expect(
    customer.getByText("Bu xizmat endi bu filialda koʻrsatilmaydi, shuning uchun yozilish bekor"),
  ).toBeVisible();
  await expect(customer.getByTestId("booking-again")).toHaveAttribute(
    "href",
    `/c/${world.slug}/b/${world.branch.slug}/book`,
  );
  await snap(customer, "portal-booking-cancelled-service");
  await phone.close();

  // Logging out with an unsaved change asks first, as leaving the page does.
  await kassa.getByRole("switch").click();
  await page.getByRole("button", { name: "Chiqish" }).click();
  const leave = page.getByRole("dialog", { name: "Oʻzgarishlar saqlanmasinmi?" });
  await leave.getByRole("button", { name: "Sahifada qolish" }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(/tab=services/);
  // Still signed in: staying kept the session, not only the page.
  await expect(page.getByText(`admin@${world.slug}.uz`)).toBeVisible();
  await expect(page.getByText("Saqlanmagan oʻzgarishlar bor")).toBeVisible();
  await page.getByRole("button", { name: "Chiqish" }).click();
  await leave.getByRole("button", { name: "Saqlamasdan chiqish" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByLabel("E-pochta")).toBeVisible();
  await desk.close();
});

test("an admin switches off a booked service and is asked before its bookings go", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { world, bookAt } = await bookableWorld(request, "faolbank");
  const token = await bookAt("20:00", "+998901112288");
  const { desk, page } = await adminDesk(browser, world);
  await page.goto(`/c/${world.slug}/admin/services/${world.services.kassa}`);
  await page.getByRole("checkbox", { name: /^Faol/ }).uncheck();
  await page.getByRole("button", { name: "Saqlash", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("1 ta yozilish bekor qilinadi");
  await snap(page, "setup-service-off-bookings");
  await dialog.getByRole("button", { name: "Formaga qaytish" }).click();
  await expect(dialog).toBeHidden();
  const status = () => bookingStatus(request, world.slug, token);
  expect(await status()).toBe("BOOKED");
  await page.getByRole("button", { name: "Saqlash", exact: true }).click();
  await dialog.getByRole("button", { name: "Saqlash va yozilishlarni bekor qilish" }).click();
  await expect(page.getByText("1 ta yozilish bekor qilindi")).toBeVisible();
  expect(await status()).toBe("CANCELLED");
  await desk.close();
});
