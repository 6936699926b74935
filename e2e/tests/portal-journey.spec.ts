import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { SUPER_ADMIN } from "../playwright.config";
import { PHONE, expectAccessible } from "./accessibility";
import { emulateTvBrowser } from "./board-fakes";
import { setUpQueueWorld, staffAllWeek, type QueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

// The customer portal as the plan tells it, on a 390×844 phone: find the bank, its branch and
// the cash desk, book today at 14:00, prove the phone with the SMS code, follow O-001 live, be
// called to the counter while the hall's board calls too, and rate the visit. Then the same
// customer joins a line at another bank and finds both tickets in "my tickets", which follows
// changes live, and cancels one there.

// A number no other journey of the run uses: "my tickets" lists every ticket of this phone.
const CUSTOMER = { typed: "93 555 20 26", e164: "+998935552026" };
const BOOKED_AT = "14:00";

/**
 * The branch's time zone: Tashkent when it is between 10:30 and 13:15 there, otherwise a zone
 * whose clock reads that now. So "today at 14:00" is always ahead, far enough for the grid to
 * offer it and near enough (under the branch's 240-minute check-in window) to check in at once —
 * the journey is the same whenever it runs.
 */
function journeyTimeZone(now = new Date()): string {
  const minutesIn = (timeZone: string) => {
    const [h, m] = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .format(now)
      .split(":")
      .map(Number);
    return h! * 60 + m!;
  };
  const fits = (zone: string) => minutesIn(zone) >= 10 * 60 + 30 && minutesIn(zone) < 13 * 60 + 15;
  if (fits("Asia/Tashkent")) return "Asia/Tashkent";
  // Etc/GMT-N is UTC+N (POSIX signs); whole hours from -12 to +14 cover every hour of the day.
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? "Etc/UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
    if (fits(zone)) return zone;
  }
  throw new Error("no time zone reads 10:30–13:15 now");
}

/** The SMS code waiting in the outbox for the customer's phone (no SMS gateway in e2e). */
async function smsCode(request: APIRequestContext, phone: string): Promise<string> {
  const login = await request.post("/api/platform/auth/login", { data: SUPER_ADMIN });
  const su = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const outbox = await request.get("/api/platform/outbox?status=PENDING", { headers: su });
  const sms = ((await outbox.json()).items as { channel: string; to: string; text: string }[]).find(
    (m) => m.channel === "sms" && m.to === phone,
  );
  const code = /\b(\d{6})\b/.exec(sms?.text ?? "")?.[1];
  expect(code, "the sign-in code in the outbox").toBeTruthy();
  return code!;
}

/** Signs the customer in on the sign-in page they were sent to: phone, then the SMS code. */
async function signIn(
  page: Page,
  request: APIRequestContext,
  shots: string,
  opts: { mistype?: boolean } = {},
) {
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Telefon raqami").fill(CUSTOMER.typed.replace(/ /g, ""));
  await expect(page.getByLabel("Telefon raqami")).toHaveValue(CUSTOMER.typed);
  await snap(page, `${shots}-sign-in-phone`);
  await expectAccessible(page, "sign-in (phone)");
  await page.getByRole("button", { name: "Kod olish" }).click();
  await expect(page.getByTestId("resend-timer")).toBeVisible();
  const code = await smsCode(request, CUSTOMER.e164);
  if (opts.mistype) {
    await page.getByLabel("SMSdagi kod").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Kirish", exact: true }).click();
    await expect(page.getByText("Kod notoʻgʻri")).toBeVisible();
  }
  await page.getByLabel("SMSdagi kod").fill(code);
  await snap(page, `${shots}-sign-in-code`);
  await expectAccessible(page, "sign-in (code)");
  await page.getByRole("button", { name: "Kirish", exact: true }).click();
  await expect(page).toHaveURL(/\/me$/);
}

/** The clerk at counter 3 of the world's branch, logged in on a desk computer. */
async function operatorDesk(browser: Browser, world: QueueWorld) {
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const op = await desk.newPage();
  await op.goto(`/c/${world.slug}/admin/login`);
  await op.getByLabel("E-pochta").fill(world.operator.email);
  await op.getByLabel("Parol").fill(world.operator.password);
  await op.getByRole("button", { name: "Kirish" }).click();
  await op.getByRole("button", { name: "Ishni boshlash" }).click();
  await expect(op.getByTestId("operator-counter")).toHaveText("3-oyna");
  await expect(op.getByTestId("connection-status")).toHaveAttribute("data-status", "online");
  return { desk, op };
}

test.describe.serial("the customer portal on a phone", () => {
  let hamkorbank: QueueWorld;

  test("Hamkorbank → Toshkent → Kassa → today 14:00 → phone and code → O-001 live → called to the counter → rated", async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    // Its own address: the operator journey, earlier in the same run, already made "hamkorbank".
    hamkorbank = await setUpQueueWorld(request, "hamkor", {
      timeZone: journeyTimeZone(),
      branchSettings: { checkInEarlyMinutes: 240 },
    });
    const world = hamkorbank;
    // Both clerks work the whole week, so every time of the day can be booked.
    await staffAllWeek(request, world);

    const phone = await browser.newContext(PHONE);
    const page = await phone.newPage();

    // 1. The directory: the bank, found by name.
    await page.goto("/");
    await page.getByLabel("Kompaniyani qidirish (nomi yoki tavsifi)").fill("Hamkor");
    const card = page.getByTestId(`public-company-${world.slug}`);
    await expect(card).toContainText("Hamkorbank");
    await snap(page, "journey-01-directory");
    await expectAccessible(page, "directory");

    // 2. The bank's page: its Toshkent branch, open now.
    await card.click();
    const branch = page.getByTestId(`portal-branch-${world.branch.slug}`);
    await expect(branch).toContainText("Toshkent filiali");
    await expect(branch).toContainText("Hozir ochiq");
    await snap(page, "journey-02-company");
    await expectAccessible(page, "company page");

    // 3. The branch: the cash desk, with who is waiting and serving now.
    await branch.click();
    const kassa = page.getByTestId("service-line-K");
    await expect(kassa).toContainText("Kassa xizmati");
    await expect(kassa).toContainText("Navbatda: 0 kishi");
    await snap(page, "journey-03-branch");
    await expectAccessible(page, "branch page");

    // 4. Book a time: today, 14:00, in the branch's own time.
    await kassa.getByRole("link", { name: "Oldindan yozilish" }).click();
    await expect(
      page.getByRole("heading", { name: "Kassa xizmati — oldindan yozilish" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: /Bugun/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    // A 5-minute desk has over a hundred times a day: the hour first, then the time.
    await page.getByTestId("slot-hours").getByRole("button", { name: "14:00" }).click();
    const fourteen = page.getByTestId("slot-grid").getByRole("button", { name: BOOKED_AT });
    await expect(fourteen).toContainText("Joy: 2");
    await snap(page, "journey-04-slots");
    await expectAccessible(page, "slot grid");
    await fourteen.click();
    await expect(page.getByTestId("booking-chosen")).toContainText(BOOKED_AT);

    // 5. The phone number (the code that proves it comes with "my tickets", below).
    await page.getByLabel("Telefon raqami").fill(CUSTOMER.typed);
    await snap(page, "journey-05-phone");
    await expectAccessible(page, "booking contact");
    await page.getByRole("button", { name: "Yozilish" }).click();

    // 6. The ticket: O-001, booked for 14:00, with its QR code and short link.
    await expect(page).toHaveURL(new RegExp(`/c/${world.slug}/t/`));
    const token = new URL(page.url()).pathname.split("/").at(-1)!;
    const panel = page.getByTestId("booking-panel");
    await expect(panel).toHaveAttribute("data-status", "BOOKED");
    await expect(page.getByTestId("tracked-ticket")).toContainText("O-001");
    await expect(page.getByTestId("booking-when")).toContainText(BOOKED_AT);
    await expect(page.getByTestId("ticket-qr").locator("img")).toBeVisible();
    await expect(page.getByTestId("ticket-short-link")).toContainText(`/t/${token}`);
    const ics = await request.get(
      (await page.getByTestId("booking-calendar").getAttribute("href"))!,
    );
    expect(await ics.text()).toContain("BEGIN:VEVENT");
    await snap(page, "journey-06-booked");
    await expectAccessible(page, "booked ticket");

    // 7. All my tickets: prove the phone with the code the SMS brings (read from the outbox).
    await page.getByRole("link", { name: /Barcha talonlarim/ }).click();
    await signIn(page, request, "journey-07", { mistype: true });
    const booked = page.getByTestId("my-booked").getByTestId("my-ticket");
    await expect(booked).toHaveCount(1);
    await expect(booked).toContainText("O-001");
    await expect(booked).toContainText("Hamkorbank");
    await expect(booked).toContainText("Toshkent filiali");
    await expect(booked).toContainText("Kassa xizmati");
    await expect(booked).toContainText(BOOKED_AT);
    await expect(page.getByTestId("my-tickets-connection")).toHaveAttribute(
      "data-status",
      "online",
    );
    await snap(page, "journey-08-my-tickets");
    await expectAccessible(page, "my tickets");

    // 8. The live page: at the branch, the customer checks in; O-001 waits its turn.
    await booked.getByRole("link", { name: "Kuzatish" }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${world.slug}/t/${token}$`));
    await panel.getByRole("button", { name: "Kelganimni tasdiqlash" }).click();
    await expect(panel).toHaveAttribute("data-status", "WAITING");
    await expect(page.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "WAITING", {
      timeout: 5_000,
    });
    await snap(page, "journey-09-checked-in");
    await expectAccessible(page, "live ticket, waiting");

    // The hall's board, paired with the code from the admin panel.
    const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await emulateTvBrowser(tv);
    const board = await tv.newPage();
    await board.goto(`/d/${world.slug}/${world.branch.slug}`);
    await board.locator("input").first().fill(world.pairingCode);
    await board.keyboard.press("Enter");
    await expect(board.getByTestId("display-board")).toHaveAttribute("data-connection", "online");

    // The clerk at counter 3 calls the next customer: the phone says where to go, the board
    // shows it, both without a reload.
    const { desk, op } = await operatorDesk(browser, world);
    await expect(op.getByTestId("list-online").locator('[data-label="O-001"]')).toBeVisible();
    await op.keyboard.press("Space");
    await expect(op.getByTestId("current-label")).toHaveText("O-001");
    await expect(page.getByTestId("tracked-counter")).toHaveText("3-oynaga boring", {
      timeout: 2_500,
    });
    await expect(board.getByTestId("board-current-label")).toHaveText("O-001", { timeout: 2_500 });
    await expect(board.getByTestId("board-current-counter")).toHaveText("3-oyna");
    await snap(page, "journey-10-called");
    await expectAccessible(page, "live ticket, called");
    await snap(board, "journey-10-board");
    await snap(op, "journey-10-operator");

    // Served and finished: the phone asks for a rating, once.
    await op.keyboard.press("KeyA");
    await expect(op.getByTestId("current-ticket")).toHaveAttribute("data-status", "SERVING");
    await expect(page.getByTestId("tracked-status")).toHaveText("Xizmat koʻrsatilmoqda");
    await op.keyboard.press("KeyF");
    // The finish dialog takes the Enter once its (optional) result field has the focus.
    await expect(op.getByLabel("Natija (ixtiyoriy)")).toBeFocused();
    await op.keyboard.press("Enter");
    await expect(op.getByTestId("stat-served")).toHaveText("1");
    const rating = page.getByTestId("ticket-rating");
    await expect(rating).toContainText("Xizmatni baholang", { timeout: 5_000 });
    await snap(page, "journey-11-rate");
    await expectAccessible(page, "rating");
    await rating.getByRole("radio", { name: "5 yulduz" }).click();
    await rating.getByLabel("Izoh (ixtiyoriy)").fill("Tez va xushmuomala, rahmat");
    await rating.getByRole("button", { name: "Baho berish" }).click();
    await expect(rating).toContainText("Rahmat! Bahoyingiz qabul qilindi.");
    // The given stars are read out in words (the star glyphs are for the eye only).
    await expect(rating).toContainText("5 yulduz");
    await snap(page, "journey-12-rated");
    await expectAccessible(page, "rated");

    // The directory shows the bank's new rating.
    await page.goto("/");
    await page.getByLabel("Kompaniyani qidirish (nomi yoki tavsifi)").fill("Hamkor");
    await expect(
      page.getByTestId(`public-company-${world.slug}`).getByTestId("company-rating"),
    ).toContainText("5.0 (1)");
    await Promise.all([phone.close(), tv.close(), desk.close()]);
  });

  test("the same customer joins a line at another bank: my tickets shows both, live, and cancels one", async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    // Not "kapitalbank": the Super Admin journey provisions that address itself.
    const kapitalbank = await setUpQueueWorld(request, "kapital", { name: "Kapitalbank" });
    const { desk, op } = await operatorDesk(browser, kapitalbank);

    // On a new day, the customer opens "my tickets" and signs in again.
    const phone = await browser.newContext(PHONE);
    const list = await phone.newPage();
    await list.goto("/me");
    await signIn(list, request, "journey-20");
    const history = list.getByTestId("my-history").getByTestId("my-ticket");
    await expect(history).toHaveCount(1);
    await expect(history).toContainText("Hamkorbank");
    await expect(history).toContainText("Yakunlandi");
    await expect(list.getByTestId("my-active").getByTestId("my-ticket")).toHaveCount(0);
    await expect(list.getByTestId("my-tickets-connection")).toHaveAttribute(
      "data-status",
      "online",
    );

    // In another tab: Kapitalbank → Toshkent → Kassa → take a place now.
    const tab = await phone.newPage();
    await tab.goto("/");
    await tab.getByLabel("Kompaniyani qidirish (nomi yoki tavsifi)").fill("Kapital");
    await tab.getByTestId(`public-company-${kapitalbank.slug}`).click();
    await tab.getByTestId(`portal-branch-${kapitalbank.branch.slug}`).click();
    const kassa = tab.getByTestId("service-line-K");
    await kassa.getByRole("button", { name: "Navbatga turish" }).click();
    await kassa.getByLabel("Telefon raqami").fill("90 12");
    await kassa.getByRole("button", { name: "Talon olish" }).click();
    await expect(kassa.getByRole("alert")).toContainText("Oʻzbekiston mobil raqamini kiriting");
    await kassa.getByLabel("Telefon raqami").fill(CUSTOMER.typed);
    await snap(tab, "journey-21-join-form");
    await expectAccessible(tab, "join form");
    await kassa.getByRole("button", { name: "Talon olish" }).click();
    await expect(tab).toHaveURL(new RegExp(`/c/${kapitalbank.slug}/t/`));
    await expect(tab.getByTestId("tracked-ticket")).toContainText("O-001");
    await snap(tab, "journey-22-joined");
    await expectAccessible(tab, "joined ticket");
    await expect(op.getByTestId("list-online").locator('[data-label="O-001"]')).toBeVisible();

    // The first tab was not reloaded: the list pushed by the socket shows the new ticket
    // (polling would take 30 s) beside the Hamkorbank visit.
    const active = list.getByTestId("my-active").getByTestId("my-ticket");
    await expect(active).toHaveCount(1, { timeout: 3_000 });
    await expect(active).toContainText("O-001");
    await expect(active).toContainText("Kapitalbank");
    await expect(active).toContainText("Toshkent filiali");
    await expect(active).toContainText("Kassa xizmati");
    await expect(active).toContainText("Kutmoqda");
    await expect(history).toContainText("Kassa xizmati");
    await snap(list, "journey-23-my-tickets-both");
    await expectAccessible(list, "my tickets with both");

    // Cancelled from the list: it leaves Kapitalbank's line on the clerk's screen as well.
    await active.getByRole("button", { name: "Bekor qilish" }).click();
    const dialog = list.getByRole("dialog");
    await expect(dialog).toContainText("O-001");
    // Backing out does not read "cancel" as well: the customer cannot mistake it.
    await expect(dialog.getByRole("button", { name: "Yoʻq, qolsin" })).toBeVisible();
    await snap(list, "journey-24-cancel-confirm");
    await expectAccessible(list, "cancel dialog");
    await dialog.getByRole("button", { name: "Ha, talonni bekor qilish" }).click();
    await expect(list.getByTestId("my-active").getByTestId("my-ticket")).toHaveCount(0);
    const cancelled = list.getByTestId("my-history").locator('[data-status="CANCELLED"]');
    await expect(cancelled).toContainText("Kapitalbank");
    await expect(cancelled).toContainText("Bekor qilindi");
    await expect(op.getByTestId("list-online").locator('[data-label="O-001"]')).toHaveCount(0);
    await expect(op.getByTestId("stat-waiting")).toHaveText("0");
    await snap(list, "journey-25-cancelled");
    // The ticket's own page says so too, also through the bare short link of its QR code.
    const token = new URL(tab.url()).pathname.split("/").at(-1)!;
    await tab.goto(`/t/${token}`);
    await expect(tab).toHaveURL(new RegExp(`/c/${kapitalbank.slug}/t/${token}$`));
    await expect(tab.getByTestId("tracked-status")).toHaveText("Bekor qilindi");

    // Russian is downloaded when chosen, and remembered: a reload renders in Russian at once.
    await list.getByLabel("Til").selectOption("ru");
    await expect(list.getByRole("heading", { name: "Мои талоны" })).toBeVisible();
    await list.reload();
    await expect(list.getByRole("heading", { name: "Мои талоны" })).toBeVisible();
    await expect(list.getByTestId("my-tickets-connection")).toContainText("Список обновляется сам");
    await snap(list, "journey-26-my-tickets-ru");

    // The portal's last page: scanning a ticket's QR code (this phone has no camera to offer).
    await list.goto("/scan");
    await expect(list.getByRole("heading", { level: 1 })).toBeVisible();
    await snap(list, "journey-27-scan");
    await expectAccessible(list, "scan page");
    await Promise.all([phone.close(), desk.close()]);
  });
});
