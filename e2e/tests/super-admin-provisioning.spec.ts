import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { SUPER_ADMIN } from "../playwright.config";
import { shot, snap } from "./screenshots";

const logo = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../fixtures/kapitalbank-logo.png",
);

test("super admin provisions Kapital Bank; its admin logs in and must change the password", async ({
  browser,
}) => {
  const admin = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await admin.newPage();

  // Log in to the Super Admin panel (Uzbek is the default language).
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
  // A first visit is not an expired session: the form alone, no warning.
  await expect(page.getByRole("button", { name: "Kirish" })).toBeVisible();
  await expect(page.getByText("Sessiya muddati tugadi")).toHaveCount(0);
  await snap(page, "01-super-admin-login");
  await page.getByLabel("E-pochta").fill(SUPER_ADMIN.email);
  await page.getByLabel("Parol").fill("wrong-password-1");
  await page.getByRole("button", { name: "Kirish" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await page.getByLabel("Parol").fill(SUPER_ADMIN.password);
  await page.getByRole("button", { name: "Kirish" }).click();
  await expect(page).toHaveURL(/\/admin\/companies/);
  // Other journeys of the same run may have created their companies already; Kapital Bank is new.
  await expect(page.getByRole("heading", { name: "Kompaniyalar" })).toBeVisible();
  await expect(page.getByTestId("company-row-kapitalbank")).toHaveCount(0);
  await snap(page, "02-companies-list");

  // Create "Kapital Bank" with a logo; a bad slug is flagged inline first.
  await page.getByRole("link", { name: "Yangi kompaniya" }).first().click();
  await page.getByLabel("Kompaniya nomi").fill("Kapital Bank");
  const slug = page.getByLabel("Qisqa nom (manzil)");
  await slug.fill("Kapital Bank!");
  await page.getByLabel("Administrator e-pochtasi").fill("admin@kapitalbank.uz");
  await page.getByRole("button", { name: "Kompaniya yaratish" }).click();
  await expect(page.getByText(/Faqat kichik lotin harflari/)).toBeVisible();
  await slug.fill("kapitalbank");
  await page.locator('input[type="file"]').setInputFiles(logo);
  await expect(page.getByRole("img", { name: "Logotip koʻrinishi" })).toBeVisible();
  await page.getByLabel("Telefon").fill("+998 71 200 15 15");
  // The description in Uzbek and Russian (the portal shows each language its own).
  await page.locator("#company-description-uz").fill("Navbatga turing yoki oldindan yoziling.");
  await page.locator("#company-description-ru").fill("Встаньте в очередь или запишитесь заранее.");
  await snap(page, "03-company-form");
  await page.getByRole("button", { name: "Kompaniya yaratish" }).click();

  // The company page shows every provisioning step done, and the company INACTIVE.
  await expect(page).toHaveURL(/\/admin\/companies\/[0-9a-f-]{36}$/);
  for (const step of ["registry", "schema", "migrate", "branding", "admin", "invite"]) {
    await expect(page.getByTestId(`provisioning-step-${step}`)).toContainText("Bajarildi");
  }
  await expect(page.getByTestId("status-badge").first()).toHaveText("Faol emas");
  await expect(page.locator('dd p[lang="ru"]')).toContainText("Встаньте в очередь");
  await snap(page, "04-company-provisioned");
  const companyUrl = page.url();

  // The invite waits in the outbox (no SMTP here); read the one-time password from it.
  await page.getByRole("link", { name: "Chiquvchi xabarlar" }).click();
  await expect(page.getByText("SMTP sozlanmagan: xabarlar shu yerda qoladi.")).toBeVisible();
  await page.getByTestId("outbox-row").first().click();
  const body = page.getByTestId("outbox-message-body");
  await expect(body).toContainText("Bir martalik parol:");
  await snap(page, "05-outbox-invite");
  const text = (await body.textContent()) ?? "";
  const otp = /Bir martalik parol: (\S+)/.exec(text)?.[1];
  const loginUrl = /Kirish manzili: (\S+)/.exec(text)?.[1];
  expect(otp).toBeTruthy();
  expect(loginUrl).toContain("/c/kapitalbank/admin/login");

  // Activate the company (reversible, so no confirmation).
  await page.goto(companyUrl);
  await page.getByRole("button", { name: "Faollashtirish" }).click();
  await expect(page.getByTestId("status-badge").first()).toHaveText("Faol");
  await snap(page, "06-company-active");

  // The platform figures: companies by status (Kapital Bank now active among them), tickets by day,
  // devices and the outbox, on a 1366×768 screen.
  await page.getByRole("link", { name: "Platforma koʻrsatkichlari" }).click();
  await expect(page).toHaveURL(/\/admin\/figures/);
  await expect(page.getByRole("heading", { name: "Platforma koʻrsatkichlari" })).toBeVisible();
  await expect(page.getByText("Kompaniyalar holati boʻyicha")).toBeVisible();
  await page.screenshot({ path: shot("06b-platform-figures") });

  // The company admin, in another browser, logs in at the company's URL with the one-time password.
  const companyCtx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const cpage = await companyCtx.newPage();
  await cpage.goto("/c/kapitalbank/admin");
  await expect(cpage).toHaveURL(/\/c\/kapitalbank\/admin\/login/);
  await expect(cpage.getByText("Kapital Bank").first()).toBeVisible();
  await expect(cpage.getByText("Sessiya muddati tugadi")).toHaveCount(0);
  await snap(cpage, "07-company-login");
  await cpage.getByLabel("E-pochta").fill("admin@kapitalbank.uz");
  await cpage.getByLabel("Parol").fill(otp!);
  await cpage.getByRole("button", { name: "Kirish" }).click();

  // …and must change it before anything else.
  await expect(cpage).toHaveURL(/\/c\/kapitalbank\/admin\/change-password/);
  await cpage.getByLabel("Joriy parol").fill(otp!);
  await cpage.getByLabel("Yangi parol", { exact: true }).fill("Kapital-Bank-2026");
  await cpage.getByLabel("Yangi parolni takrorlang").fill("Kapital-Bank-2026");
  await snap(cpage, "08-change-password");
  await cpage.getByRole("button", { name: "Parolni oʻzgartirish" }).click();
  await expect(cpage).toHaveURL(/\/c\/kapitalbank\/admin$/);
  await snap(cpage, "09-company-dashboard");

  // The portal now lists the active company.
  await cpage.goto("/");
  await expect(cpage.getByText("Kapital Bank")).toBeVisible();
  await snap(cpage, "10-portal");

  // The session runs out (its cookie is gone): now, and only now, the login page says so.
  await companyCtx.clearCookies();
  await cpage.goto("/c/kapitalbank/admin");
  await expect(cpage.getByText("Sessiya muddati tugadi. Qaytadan kiring.")).toBeVisible();

  // The audit log tells what happened in words, and who did it in the glossary's terms.
  await page.getByRole("link", { name: "Audit jurnali" }).click();
  const created = page.getByTestId("audit-row").filter({ hasText: "Kompaniya yaratdi" });
  await expect(created.first()).toContainText("bosh administrator");
  await expect(
    page.getByTestId("audit-row").filter({ hasText: "Tizimga kirdi" }).first(),
  ).toBeVisible();
  await expect(page.getByText("SUPER_ADMIN")).toHaveCount(0);
  await snap(page, "11-audit-log");

  await companyCtx.close();
  await admin.close();
});
