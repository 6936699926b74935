import { expect, test } from "@playwright/test";
import { PHONE, expectAccessible } from "./accessibility";
import { setUpQueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

test("a customer on a phone finds the bank, joins the cash-desk queue online and is called", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await setUpQueueWorld(request, "hamkorbank-portal");
  // Aziza is at counter 3 and serves both lines.
  const staff = { authorization: `Bearer ${world.operator.token}` };
  const session = await request.post(`/api/c/${world.slug}/queue/session`, {
    headers: staff,
    data: { counterId: world.counters.three },
  });
  expect(session.ok(), await session.text()).toBeTruthy();

  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  await page.goto("/");
  await page.getByLabel("Kompaniya yoki xizmatni qidirish").fill("Hamkor");
  const card = page.getByTestId(`public-company-${world.slug}`);
  await expect(card).toBeVisible();
  await snap(page, "portal-01-directory");
  await expectAccessible(page, "directory");

  await card.click();
  await expect(page).toHaveURL(new RegExp(`/c/${world.slug}$`));
  const branch = page.getByTestId(`portal-branch-${world.branch.slug}`);
  await expect(branch).toContainText("Toshkent filiali");
  await expect(branch).toContainText("Hozir ochiq");
  await snap(page, "portal-02-company");
  await expectAccessible(page, "company page");

  await branch.click();
  const kassa = page.getByTestId("service-line-K");
  await expect(kassa).toContainText("Kassa xizmati");
  await expect(kassa).toContainText("Navbatda: 0 kishi");
  await expect(kassa).toContainText("Xizmat koʻrsatmoqda: 1 operator");
  await snap(page, "portal-03-branch");
  await expectAccessible(page, "branch page");

  await kassa.getByRole("button", { name: "Navbatga turish" }).click();
  await kassa.getByLabel("Telefon raqami").fill("90 12");
  await kassa.getByRole("button", { name: "Talon olish" }).click();
  await expect(kassa.getByRole("alert")).toContainText("Oʻzbekiston mobil raqamini kiriting");
  await kassa.getByLabel("Telefon raqami").fill("90 123 45 67");
  await kassa.getByLabel("Ismingiz (ixtiyoriy)").fill("Aziz Karimov");
  await snap(page, "portal-04-join-form");
  await kassa.getByRole("button", { name: "Talon olish" }).click();

  await expect(page).toHaveURL(new RegExp(`/c/${world.slug}/t/`));
  await expect(page.getByText("O-001")).toBeVisible();
  await snap(page, "portal-05-ticket");
  await expectAccessible(page, "ticket page");

  // The clerk calls the next customer: the phone shows where to go, without a reload.
  const called = await request.post(`/api/c/${world.slug}/queue/call-next`, { headers: staff });
  expect(called.ok(), await called.text()).toBeTruthy();
  await expect(page.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "CALLED", {
    timeout: 3_000,
  });
  await expect(page.getByTestId("tracked-counter")).toContainText("3");
  await snap(page, "portal-06-called");

  // Russian is downloaded when chosen, and remembered: a reload renders in Russian at once.
  await page.goto(`/c/${world.slug}/b/${world.branch.slug}`);
  await page.getByLabel("Til").selectOption("ru");
  await expect(page.getByRole("button", { name: "Встать в очередь" }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Встать в очередь" }).first()).toBeVisible();
  await snap(page, "portal-07-branch-ru");
  await phone.close();
});
