import { expect, test } from "@playwright/test";
import { SUPER_ADMIN } from "../playwright.config";
import { PHONE } from "./accessibility";
import { setUpQueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

test("a customer takes a place with a phone, signs in with the SMS code, sees it in my tickets and cancels it", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await setUpQueueWorld(request, "hamkorbank-account");
  const staff = { authorization: `Bearer ${world.operator.token}` };
  const session = await request.post(`/api/c/${world.slug}/queue/session`, {
    headers: staff,
    data: { counterId: world.counters.three },
  });
  expect(session.ok(), await session.text()).toBeTruthy();

  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();

  // A guest takes a place with only a phone number.
  await page.goto(`/c/${world.slug}/b/${world.branch.slug}`);
  const kassa = page.getByTestId("service-line-K");
  await kassa.getByRole("button", { name: "Navbatga turish" }).click();
  await kassa.getByLabel("Telefon raqami").fill("90 555 11 22");
  await kassa.getByRole("button", { name: "Talon olish" }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${world.slug}/t/`));
  const token = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByTestId("ticket-qr").locator("img")).toBeVisible();
  await expect(page.getByTestId("ticket-short-link")).toContainText(`/t/${token}`);
  await snap(page, "account-01-ticket-qr");

  // The bare short link leads to the company's ticket page.
  await page.goto(`/t/${token}`);
  await expect(page).toHaveURL(new RegExp(`/c/${world.slug}/t/${token}$`));
  await expect(page.getByTestId("tracked-ticket")).toBeVisible();

  // "All my tickets" asks to sign in first: the phone, then the code from the SMS.
  await page.getByRole("link", { name: /Barcha talonlarim/ }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Telefon raqami").fill("905551122");
  await expect(page.getByLabel("Telefon raqami")).toHaveValue("90 555 11 22");
  await snap(page, "account-02-sign-in-phone");
  await page.getByRole("button", { name: "Kod olish" }).click();
  await expect(page.getByTestId("resend-timer")).toBeVisible();

  // No SMS gateway here: the code waits in the outbox, where the super admin can read it.
  const admin = await request.post("/api/platform/auth/login", { data: SUPER_ADMIN });
  const su = { authorization: `Bearer ${(await admin.json()).accessToken}` };
  const outbox = await request.get("/api/platform/outbox?status=PENDING", { headers: su });
  const sms = ((await outbox.json()).items as { channel: string; to: string; text: string }[]).find(
    (m) => m.channel === "sms" && m.to === "+998905551122",
  );
  const code = /\b(\d{6})\b/.exec(sms?.text ?? "")?.[1];
  expect(code, "the sign-in code in the outbox").toBeTruthy();

  await page.getByLabel("SMSdagi kod").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Kirish", exact: true }).click();
  await expect(page.getByText("Kod notoʻgʻri")).toBeVisible();
  await snap(page, "account-03-sign-in-code");
  await page.getByLabel("SMSdagi kod").fill(code!);
  await page.getByRole("button", { name: "Kirish", exact: true }).click();

  await expect(page).toHaveURL(/\/me$/);
  const active = page.getByTestId("my-active");
  const ticket = active.getByTestId("my-ticket");
  await expect(ticket).toHaveCount(1);
  await expect(ticket).toContainText("O-001");
  await expect(ticket).toContainText("Hamkorbank");
  await expect(ticket).toContainText("Kassa xizmati");
  await expect(ticket).toContainText("Toshkent filiali");
  await snap(page, "account-04-my-tickets");

  await ticket.getByRole("button", { name: "Bekor qilish" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("O-001");
  await dialog.getByRole("button", { name: "Ha, talonni bekor qilish" }).click();
  await expect(page.getByTestId("my-history").getByTestId("my-ticket")).toContainText(
    "Bekor qilindi",
  );
  await expect(active.getByTestId("my-ticket")).toHaveCount(0);
  await snap(page, "account-05-cancelled");

  // The company's queue saw the cancel: nobody is waiting.
  const call = await request.post(`/api/c/${world.slug}/queue/call-next`, { headers: staff });
  expect((await call.json()).ticket).toBeNull();
  await phone.close();
});

test("after a finished visit the ticket page asks for stars, once, and the directory shows the average", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await setUpQueueWorld(request, "hamkorbank-rating");
  const staff = { authorization: `Bearer ${world.operator.token}` };
  await request.post(`/api/c/${world.slug}/queue/session`, {
    headers: staff,
    data: { counterId: world.counters.three },
  });
  const joined = await request.post(`/api/c/${world.slug}/portal/tickets`, {
    data: { branchId: world.branch.id, serviceId: world.services.kassa, phone: "+998905553344" },
  });
  expect(joined.ok(), await joined.text()).toBeTruthy();
  const { token } = (await joined.json()).ticket as { token: string };
  const called = (await (
    await request.post(`/api/c/${world.slug}/queue/call-next`, { headers: staff })
  ).json()) as { ticket: { id: string } };
  for (const step of ["start", "finish"]) {
    const res = await request.post(
      `/api/c/${world.slug}/queue/tickets/${called.ticket.id}/${step}`,
      {
        headers: staff,
        data: {},
      },
    );
    expect(res.ok(), await res.text()).toBeTruthy();
  }

  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  await page.goto(`/c/${world.slug}/t/${token}`);
  const rating = page.getByTestId("ticket-rating");
  await expect(rating).toContainText("Xizmatni baholang");
  await expect(page.getByTestId("ticket-qr")).toHaveCount(0);
  await rating.getByRole("radio", { name: "4 yulduz" }).click();
  await rating.getByLabel("Izoh (ixtiyoriy)").fill("Tez xizmat, rahmat");
  await snap(page, "account-06-rate");
  await rating.getByRole("button", { name: "Baho berish" }).click();
  await expect(rating).toContainText("Rahmat! Bahoyingiz qabul qilindi.");
  await page.reload();
  await expect(page.getByTestId("ticket-rating")).toContainText("Sizning bahoyingiz");
  await expect(page.getByTestId("ticket-rating")).toContainText("Tez xizmat, rahmat");
  await snap(page, "account-07-rated");

  await page.goto("/");
  await page.getByLabel("Kompaniya yoki xizmatni qidirish").fill("Hamkor");
  await expect(
    page.getByTestId(`public-company-${world.slug}`).getByTestId("company-rating"),
  ).toContainText("4.0 (1)");
  await phone.close();
});
