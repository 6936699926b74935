import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { launchWithCamera, qrVideoFile } from "./fake-camera";
import { PHONE, expectAccessible } from "./accessibility";
import { setUpQueueWorld, staffAllWeek, type QueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

type Booking = { token: string; label: string; checkInCode: string; status: string };

/** A company whose operators work around the clock, and a booking at its first free time. */
async function bookedWorld(request: APIRequestContext, slug: string) {
  const world = await setUpQueueWorld(request, slug);
  const admin = { authorization: `Bearer ${world.adminToken}` };
  // The operators work around the clock, so the next 5-minute slot is bookable now.
  await staffAllWeek(request, world);
  // Booked on the portal's API at the first free time (minutes away: inside the check-in window).
  const slots = await request.get(
    `/api/c/${world.slug}/portal/branches/${world.branch.slug}/slots?serviceId=${world.services.kassa}`,
  );
  expect(slots.ok(), await slots.text()).toBeTruthy();
  const [first] = ((await slots.json()) as { slots: { startsAt: string }[] }).slots;
  const booked = await request.post(`/api/c/${world.slug}/portal/bookings`, {
    data: {
      branchId: world.branch.id,
      serviceId: world.services.kassa,
      startsAt: first!.startsAt,
      phone: "+998907654321",
    },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  const { booking } = (await booked.json()) as { booking: Booking };
  return { world, admin, booking };
}

/** Pairs the kiosk page with a code the company admin asks for, up to its welcome screen. */
async function pairKiosk(
  kiosk: Page,
  request: APIRequestContext,
  world: QueueWorld,
  admin: Record<string, string>,
) {
  const device = await request.post(`/api/c/${world.slug}/admin/devices`, {
    headers: admin,
    data: { branchId: world.branch.id, kind: "KIOSK", name: "Kirish yonidagi kiosk" },
  });
  expect(device.ok(), await device.text()).toBeTruthy();
  const { pairingCode } = (await device.json()) as { pairingCode: string };
  await kiosk.goto(`/k/${world.slug}/${world.branch.slug}`);
  for (const digit of pairingCode) {
    await kiosk.getByRole("button", { name: digit, exact: true }).tap();
  }
  await kiosk.getByRole("button", { name: "Ulash", exact: true }).tap();
  await expect(kiosk.getByTestId("kiosk-have-booking")).toBeEnabled();
}

test("a booked customer checks in at the hall kiosk by the booking's code, and the phone says they are nearly up", async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const { world, admin, booking } = await bookedWorld(request, "hamkorbank-checkin");
  expect(booking.checkInCode).toMatch(/^\d{6}$/);

  // The booking's page shows the code to type at the kiosk.
  const phone = await browser.newContext(PHONE);
  const mobile = await phone.newPage();
  await mobile.goto(`/c/${world.slug}/t/${booking.token}`);
  await expect(mobile.getByTestId("booking-check-in-code")).toContainText(booking.checkInCode);
  await snap(mobile, "check-in-01-booking-code");

  // The hall kiosk, paired with a code from the company admin.
  const hall = await browser.newContext({
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
  });
  const kiosk = await hall.newPage();
  await pairKiosk(kiosk, request, world, admin);
  const haveBooking = kiosk.getByTestId("kiosk-have-booking");
  await expect(haveBooking).toHaveText("Oldindan yozilganman");
  await snap(kiosk, "check-in-02-kiosk-welcome");

  await haveBooking.tap();
  const screen = kiosk.getByTestId("kiosk-check-in");
  await expect(screen.getByRole("heading", { name: "Kelganingizni tasdiqlang" })).toBeVisible();
  const code = kiosk.getByTestId("kiosk-booking-code");
  const typeCode = async (digits: string) => {
    await kiosk.getByRole("button", { name: "Tozalash", exact: true }).tap();
    for (const digit of digits) {
      await screen.getByRole("button", { name: digit, exact: true }).tap();
    }
    await expect(code).toHaveValue(digits);
  };
  // A wrong code: nothing found at this branch, said plainly.
  const wrong = String((Number(booking.checkInCode) + 1) % 1_000_000).padStart(6, "0");
  await typeCode(wrong);
  await kiosk.getByTestId("kiosk-check-in-submit").tap();
  await expect(kiosk.getByTestId("kiosk-check-in-error")).toContainText(
    "Bu filialda bunday kodli yozilish topilmadi",
  );
  await snap(kiosk, "check-in-03-kiosk-wrong-code");
  await expectAccessible(kiosk, "check-in code entry");

  await typeCode(booking.checkInCode);
  await kiosk.getByTestId("kiosk-check-in-submit").tap();
  const done = kiosk.getByTestId("kiosk-checked-in");
  await expect(done).toContainText("Kelganingiz tasdiqlandi");
  await expect(done).toContainText(booking.label);
  await expect(done).toContainText("Kassa xizmati");
  await snap(kiosk, "check-in-04-kiosk-checked-in");
  await expectAccessible(kiosk, "checked in");

  const after = await request.get(`/api/c/${world.slug}/portal/bookings/${booking.token}`);
  expect(((await after.json()) as { booking: Booking }).booking.status).toBe("WAITING");

  // The same code again: it is no longer a booking waiting for its customer.
  await done.getByRole("button", { name: "Tayyor" }).tap();
  await kiosk.getByTestId("kiosk-have-booking").tap();
  await typeCode(booking.checkInCode);
  await kiosk.getByTestId("kiosk-check-in-submit").tap();
  await expect(kiosk.getByTestId("kiosk-check-in-error")).toContainText("allaqachon tasdiqlangan");
  // In Russian, as the customer may choose on the screen.
  await kiosk.getByRole("button", { name: "Русский" }).tap();
  await expect(screen.getByRole("heading", { name: "Отметьтесь о приходе" })).toBeVisible();
  await expect(kiosk.getByTestId("kiosk-check-in-error")).toContainText("уже отмечен");
  await snap(kiosk, "check-in-04b-kiosk-ru");
  await expectAccessible(kiosk, "check-in in Russian");
  // A landscape kiosk: the keypad beside the code, everything down to "Back" on the screen.
  await kiosk.setViewportSize({ width: 1920, height: 1080 });
  for (const button of [
    kiosk.getByTestId("kiosk-check-in-scan"),
    screen.getByRole("button", { name: "Назад" }),
  ]) {
    const box = await button.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(1080);
  }
  await snap(kiosk, "check-in-04c-kiosk-landscape");
  await kiosk.setViewportSize({ width: 1080, height: 1920 });

  // The phone: nobody ahead now and a clerk at counter 5, so the live page says the turn is close
  // (while nobody serves the line it does not: nobody would call).
  const atCounter = await request.post(`/api/c/${world.slug}/queue/session`, {
    headers: { authorization: `Bearer ${world.colleague.token}` },
    data: { counterId: world.counters.five },
  });
  expect(atCounter.ok(), await atCounter.text()).toBeTruthy();
  await mobile.reload();
  await expect(mobile.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "WAITING");
  await expect(mobile.getByTestId("tracked-nearly-up")).toContainText("Navbatingiz yaqinlashdi");
  await snap(mobile, "check-in-05-phone-nearly-up");
  await expectAccessible(mobile, "ticket page nearly up");
  // The network goes: the page says it is offline and reconnecting, then catches up.
  await phone.setOffline(true);
  await expect(mobile.getByTestId("tracked-offline")).toBeVisible({ timeout: 20_000 });
  await snap(mobile, "check-in-05b-phone-offline");
  await phone.setOffline(false);
  await expect(mobile.getByTestId("tracked-offline")).toBeHidden({ timeout: 20_000 });

  // The portal's scanner: linked from the directory; without a camera it says so.
  await mobile.goto("/");
  await expect(mobile.getByTestId("scan-link")).toHaveText("Talon QR kodini skanerlash");
  await snap(mobile, "check-in-06-portal-directory");
  await mobile.getByTestId("scan-link").click();
  await expect(mobile).toHaveURL(/\/scan$/);
  await expect(mobile.getByRole("heading", { name: "Talonni skanerlash" })).toBeVisible();
  await snap(mobile, "check-in-07-portal-scan");
  await expectAccessible(mobile, "scan page");
  await mobile.getByTestId("scan-start").click();
  await expect(mobile.getByTestId("scan-message")).toBeVisible();
  await snap(mobile, "check-in-08-portal-scan-no-camera");
  await expectAccessible(mobile, "scan page without a camera");

  await hall.close();
  await phone.close();
});

test("the booking's QR code held up to the kiosk's camera checks it in, and a phone's scanner opens the ticket", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const { world, admin, booking } = await bookedWorld(request, "hamkorbank-scan");
  const link = `${baseURL}/c/${world.slug}/t/${booking.token}`;
  // The camera shows the booking's QR code (jsQR reads it: headless Linux has no BarcodeDetector).
  const browser = await launchWithCamera(qrVideoFile(link));
  try {
    const hall = await browser.newContext({
      baseURL,
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
    });
    await hall.grantPermissions(["camera"]);
    const kiosk = await hall.newPage();
    await pairKiosk(kiosk, request, world, admin);
    await kiosk.getByTestId("kiosk-have-booking").tap();
    await kiosk.getByTestId("kiosk-check-in-scan").tap();
    const done = kiosk.getByTestId("kiosk-checked-in");
    await expect(done).toContainText("Kelganingiz tasdiqlandi", { timeout: 20_000 });
    await expect(done).toContainText(booking.label);
    const after = await request.get(`/api/c/${world.slug}/portal/bookings/${booking.token}`);
    expect(((await after.json()) as { booking: Booking }).booking.status).toBe("WAITING");

    const phone = await browser.newContext({ baseURL, ...PHONE });
    await phone.grantPermissions(["camera"]);
    const mobile = await phone.newPage();
    await mobile.goto("/scan");
    await mobile.getByTestId("scan-start").click();
    await expect(mobile).toHaveURL(`/c/${world.slug}/t/${booking.token}`, { timeout: 20_000 });
    await expect(mobile.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "WAITING");
  } finally {
    await browser.close();
  }
});
