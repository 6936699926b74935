import { expect, test, type Page } from "@playwright/test";
import { SUPER_ADMIN } from "../playwright.config";
import { issueTicket, setUpQueueWorld, signInCompanyAdmin } from "./queue-setup";
import { snap } from "./screenshots";

/** Closes the dialog that shows a secret once (its footer button). */
async function closeSecret(page: Page) {
  await page.getByRole("dialog").getByRole("button", { name: "Yopish" }).last().click();
  await expect(page.getByTestId("secret")).toHaveCount(0);
}

test("the company admin connects a CRM: an API key, a webhook, and a webhook paused by failures", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await setUpQueueWorld(request, "integratsiya");
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const admin = await desk.newPage();
  await signInCompanyAdmin(admin, world);
  await admin.getByRole("link", { name: "API kalitlari" }).first().click();
  await expect(admin).toHaveURL(/\/admin\/api-keys$/);

  // An API key: named, scoped, its secret shown once; it works on /api/v1 at once.
  await admin.getByRole("button", { name: "+ Yangi kalit" }).first().click();
  await admin.getByLabel("Nomi").fill("CRM");
  await admin.getByLabel(/tickets:write/).check();
  await snap(admin, "integrations-01-api-key-form");
  await admin.getByRole("button", { name: "Kalit yaratish" }).click();
  const secret = admin.getByTestId("secret");
  await expect(secret).toHaveText(/^eqk_[0-9a-f]{16}_\S+$/);
  const key = (await secret.textContent())!;
  await snap(admin, "integrations-02-api-key-secret");
  await closeSecret(admin);
  await expect(admin.getByTestId("api-key-row")).toContainText("CRM");
  const branches = await request.get("/api/v1/branches", {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(branches.ok(), await branches.text()).toBeTruthy();
  await snap(admin, "integrations-03-api-keys");

  // A webhook to an address where nothing listens: its signing secret is shown once.
  await admin.getByRole("link", { name: "Vebxuklar" }).first().click();
  await admin.getByRole("button", { name: "+ Yangi vebxuk" }).first().click();
  await admin.getByLabel("Manzil (https://…)").fill("http://127.0.0.1:9/crm/hooks");
  await admin.getByLabel("Izoh").fill("CRM: mijozlar kartasi");
  await snap(admin, "integrations-04-webhook-form");
  await admin.getByRole("button", { name: "Qoʻshish" }).click();
  await expect(secret).toHaveText(/^whsec_\S+$/);
  await snap(admin, "integrations-05-webhook-secret");
  await closeSecret(admin);
  const row = admin.getByTestId("webhook-row");
  await expect(row).toContainText("Faol");

  // A ticket's events cannot be delivered: after two failures the endpoint is paused, the page
  // says so at the top with the reason and a resume button, and the admin gets one e-mail.
  await issueTicket(request, world, world.services.kassa, "WALK_IN");
  const paused = admin.getByTestId("webhook-paused");
  await expect(async () => {
    await admin.reload();
    await expect(paused).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(paused).toContainText("http://127.0.0.1:9/crm/hooks");
  await expect(row).toContainText("Toʻxtatilgan");
  await snap(admin, "integrations-06-webhook-paused");
  const su = await request.post("/api/platform/auth/login", { data: SUPER_ADMIN });
  const outbox = await request.get("/api/platform/outbox", {
    headers: { authorization: `Bearer ${(await su.json()).accessToken}` },
  });
  const notices = (await outbox.json()).items.filter(
    (m: { to: string; subject: string }) =>
      m.to === `admin@${world.slug}.uz` && m.subject.includes("vebxuk toʻxtatildi"),
  );
  expect(notices).toHaveLength(1);

  await paused.getByRole("button", { name: "Davom ettirish" }).click();
  await expect(paused).toHaveCount(0);
  await expect(row).toContainText("Faol");
  await snap(admin, "integrations-07-webhook-resumed");
  await desk.close();
});
