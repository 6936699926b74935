import { expect, test } from "@playwright/test";
import { SUPER_ADMIN } from "../playwright.config";

const SLUG = "matnbank";
const ADMIN = { email: "admin@matnbank.uz", password: "Matnlar-Sozlash-Ochiq-58" };
const ADMIN_URL = `/c/${SLUG}/admin`;

test.use({ actionTimeout: 15_000 });

test("a company admin writes a notification text, sees its preview and SMS size, saves and resets it", async ({
  page,
  request,
}) => {
  const login = await request.post("/api/platform/auth/login", { data: SUPER_ADMIN });
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const created = await request.post("/api/platform/companies", {
    headers,
    data: { name: "Matnbank", slug: SLUG, adminEmail: ADMIN.email, defaultLanguage: "uz" },
  });
  expect(created.status()).toBe(201);
  const outbox = await (await request.get("/api/platform/outbox", { headers })).json();
  const invite = outbox.items.find((m: { to: string }) => m.to === ADMIN.email);
  const otp = /Bir martalik parol: (\S+)/.exec(invite?.text ?? "")![1]!;

  await page.goto(`${ADMIN_URL}/login`);
  await page.getByLabel("E-pochta").fill(ADMIN.email);
  await page.getByLabel("Parol").fill(otp);
  await page.getByRole("button", { name: "Kirish" }).click();
  await page.getByLabel("Joriy parol").fill(otp);
  await page.getByLabel("Yangi parol", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Yangi parolni takrorlang").fill(ADMIN.password);
  await page.getByRole("button", { name: "Parolni oʻzgartirish" }).click();
  await expect(page).toHaveURL(new RegExp(`${ADMIN_URL}$`));

  await page
    .getByRole("navigation", { name: "Boshqaruv menyusi" })
    .getByRole("link", { name: "Xabarnomalar" })
    .click();
  const taken = page.getByLabel("Talon olindi");
  await expect(taken).toHaveValue("");
  await expect(page.getByTestId("preview-TAKEN")).toContainText("Navbatingiz A-012 (Kassa");

  // An unknown placeholder is caught while typing; a good text previews with its SMS size.
  await taken.fill("Talon {nomer}");
  await expect(page.getByText("Nomaʼlum oʻrinbosar {nomer}")).toBeVisible();
  await expect(page.getByRole("button", { name: "Saqlash" })).toBeDisabled();
  await taken.fill("Talonʻingiz {number}, {branch}: {link}");
  await expect(page.getByTestId("preview-TAKEN")).toContainText("Talonʻingiz A-012, Chilonzor");
  await expect(page.getByText(/GSM-7 · 1 SMS/).first()).toBeVisible();
  await page.getByRole("button", { name: "RU" }).click();
  await expect(page.getByLabel("Talon olindi")).toHaveValue("");
  await expect(page.getByTestId("preview-CALLED")).toContainText("пройдите к окну 3");
  await expect(page.getByText(/UCS-2 · 1 SMS/).first()).toBeVisible();
  await page.getByRole("button", { name: "UZ" }).click();
  await page.getByLabel("Bir kun oldin soat").fill("18:00");
  await page.getByRole("button", { name: "Saqlash" }).click();
  await expect(page.getByText("Xabarnoma sozlamalari saqlandi")).toBeVisible();

  // A change not saved yet is not lost to a click elsewhere in the panel: it asks first.
  const unsaved = page.getByText("Saqlanmagan oʻzgarishlar bor");
  await expect(unsaved).toBeHidden();
  await taken.fill("Talon {number}");
  await expect(unsaved).toBeVisible();
  await page
    .getByRole("navigation", { name: "Boshqaruv menyusi" })
    .getByRole("link", { name: "Filiallar" })
    .click();
  const leave = page.getByRole("dialog", { name: "Oʻzgarishlar saqlanmasinmi?" });
  await expect(leave).toBeVisible();
  await leave.getByRole("button", { name: "Sahifada qolish" }).click();
  await expect(leave).toBeHidden();
  await expect(taken).toHaveValue("Talon {number}");
  await taken.fill("Talonʻingiz {number}, {branch}: {link}");
  await expect(unsaved).toBeHidden();

  await page.reload();
  await expect(page.getByLabel("Talon olindi")).toHaveValue(
    "Talonʻingiz {number}, {branch}: {link}",
  );
  await expect(page.getByLabel("Bir kun oldin soat")).toHaveValue("18:00");
  await page.getByRole("button", { name: "Standart matnga qaytarish" }).click();
  await page.getByRole("button", { name: "Saqlash" }).click();
  await expect(page.getByText("Xabarnoma sozlamalari saqlandi")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Talon olindi")).toHaveValue("");
});
