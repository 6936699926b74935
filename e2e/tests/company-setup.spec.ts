import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SUPER_ADMIN } from "../playwright.config";
import { snap } from "./screenshots";

const SLUG = "aloqabank";
const ADMIN = { email: "admin@aloqabank.uz", password: "Ochiq-Eshik-Sozlash-47" };
const ADMIN_URL = `/c/${SLUG}/admin`;

// A step that cannot happen should fail in seconds, not at the end of the long journey.
test.use({ actionTimeout: 15_000 });

/** The super admin creates Aloqabank over the API and reads the invite's one-time password. */
async function provisionCompany(request: APIRequestContext): Promise<string> {
  const login = await request.post("/api/platform/auth/login", { data: SUPER_ADMIN });
  expect(login.ok()).toBeTruthy();
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const created = await request.post("/api/platform/companies", {
    headers,
    data: { name: "Aloqabank", slug: SLUG, adminEmail: ADMIN.email, defaultLanguage: "uz" },
  });
  expect(created.status()).toBe(201);
  const outbox = await request.get("/api/platform/outbox", { headers });
  const invite = (await outbox.json()).items.find(
    (m: { to: string; text: string }) => m.to === ADMIN.email,
  );
  const otp = /Bir martalik parol: (\S+)/.exec(invite?.text ?? "")?.[1];
  expect(otp).toBeTruthy();
  return otp!;
}

/** Fills a branch's names and lets the form suggest its slug and code. */
async function fillBranchNames(page: Page, uz: string, ru: string, en: string) {
  await page.locator("#branch-name-uz").fill(uz);
  await page.locator("#branch-name-ru").fill(ru);
  await page.locator("#branch-name-en").fill(en);
}

async function nav(page: Page, name: string) {
  await page
    .getByRole("navigation", { name: "Boshqaruv menyusi" })
    .getByRole("link", { name })
    .click();
}

test("a new company admin sets up branches, services, operators and hours, then pairs a kiosk", async ({
  browser,
  request,
}) => {
  test.setTimeout(6 * 60_000);
  const otp = await provisionCompany(request);

  const admin = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await admin.newPage();
  const setupStarted = Date.now();

  // First login: the one-time password must be changed; then the set-up overview.
  await page.goto(`${ADMIN_URL}/login`);
  await page.getByLabel("E-pochta").fill(ADMIN.email);
  await page.getByLabel("Parol").fill(otp);
  await page.getByRole("button", { name: "Kirish" }).click();
  await page.getByLabel("Joriy parol").fill(otp);
  await page.getByLabel("Yangi parol", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Yangi parolni takrorlang").fill(ADMIN.password);
  await page.getByRole("button", { name: "Parolni oʻzgartirish" }).click();
  await expect(page).toHaveURL(new RegExp(`${ADMIN_URL}$`));
  await expect(page.getByTestId("checklist-branches")).toHaveAttribute("data-done", "false");
  await expect(page.getByTestId("ready-button")).toBeDisabled();
  await snap(page, "setup-01-overview-empty");

  // Branches: the empty state says what to do.
  await nav(page, "Filiallar");
  await expect(page.getByText("Hali filiallar yoʻq")).toBeVisible();
  await snap(page, "setup-02-branches-empty");
  await page.getByRole("link", { name: "+ Yangi filial" }).click();

  // "Toshkent filiali": names in three languages, slug and code suggested from the Uzbek name.
  await fillBranchNames(page, "Toshkent filiali", "Ташкентский филиал", "Tashkent branch");
  await expect(page.getByLabel("Qisqa nom (manzil)")).toHaveValue("toshkent-filiali");
  await expect(page.getByLabel("Filial kodi")).toHaveValue("TSH");
  await page.getByLabel("Qisqa nom (manzil)").fill("toshkent");
  await page.locator("#branch-address-uz").fill("Toshkent, Amir Temur koʻchasi 1");
  await page.getByLabel("Kenglik").fill("41.311081, 69.240562");
  await expect(page.getByLabel("Uzunlik")).toHaveValue("69.240562");
  await page.getByLabel("Telefon").fill("+998 71 200 00 01");
  await expect(page.getByLabel("Vaqt mintaqasi")).toHaveValue("Asia/Tashkent");

  // Weekly hours: Monday to Friday 09:00–18:00 with lunch are the default. Open at 08:30 on
  // Monday and copy it to the weekdays; open Saturday until 14:00.
  await page.getByLabel("Dushanba: ochilish vaqti").fill("08:30");
  await page.getByRole("button", { name: "Dushanbani Seshanba–Jumaga nusxalash" }).click();
  await expect(page.getByLabel("Juma: ochilish vaqti")).toHaveValue("08:30");
  await page.getByRole("switch", { name: "Shanba ish kuni", exact: true }).click();
  await page.getByLabel("Shanba: yopilish vaqti", { exact: true }).fill("14:00");
  // A second break that overlaps lunch is flagged at once, beside the day.
  await page.getByRole("button", { name: "Dushanba: tanaffus qoʻshish" }).click();
  await page.getByLabel("Dushanba: 2-tanaffus boshlanishi").fill("13:30");
  const monday = page.getByTestId("hours-day-1");
  await expect(monday.getByRole("alert")).toContainText("ustma-ust");
  await snap(page, "setup-03-branch-form-hours-overlap");
  await page.getByRole("button", { name: "Dushanba: 2-tanaffusni olib tashlash" }).click();
  await expect(monday.getByRole("alert")).toHaveCount(0);
  await page.getByRole("button", { name: "Filial yaratish" }).click();

  // Counters: 1 and 2; a second "2" is refused inline.
  await expect(page.getByRole("tab", { name: /Oynalar/, selected: true })).toBeVisible();
  await page.getByLabel("Oyna raqami").fill("1");
  await page.getByLabel("Nomi").fill("Kassa");
  await page.getByRole("button", { name: "Oyna qoʻshish" }).click();
  await expect(page.getByTestId("counter-row-1")).toBeVisible();
  await expect(page.getByLabel("Oyna raqami")).toHaveValue("2");
  await page.getByLabel("Nomi").fill("Kredit");
  await page.getByRole("button", { name: "Oyna qoʻshish" }).click();
  await expect(page.getByTestId("counter-row-2")).toBeVisible();
  await page.getByLabel("Oyna raqami").fill("2");
  await page.getByRole("button", { name: "Oyna qoʻshish" }).click();
  await expect(page.getByText("Bu filialda 2-oyna allaqachon bor")).toBeVisible();
  await snap(page, "setup-04-branch-counters");

  // Holidays: Navroʻz next year is a closed day.
  await page.getByRole("tab", { name: "Ish vaqti" }).click();
  const navruz = `${new Date().getFullYear() + 1}-03-21`;
  await page.getByLabel("Sana").fill(navruz);
  await page.getByLabel("Izoh").fill("Navroʻz");
  await page.getByRole("button", { name: "Kun qoʻshish" }).click();
  await expect(page.getByTestId("exception-row")).toContainText("Navroʻz");
  await snap(page, "setup-05-branch-hours-exceptions");

  // "Samarqand filiali" with the default hours and one counter.
  await nav(page, "Filiallar");
  await page.getByRole("link", { name: "+ Yangi filial" }).click();
  await fillBranchNames(page, "Samarqand filiali", "Самаркандский филиал", "Samarkand branch");
  await page.getByLabel("Qisqa nom (manzil)").fill("samarqand");
  await page.getByRole("button", { name: "Filial yaratish" }).click();
  await page.getByRole("button", { name: "Oyna qoʻshish" }).click();
  await expect(page.getByTestId("counter-row-1")).toBeVisible();
  await nav(page, "Filiallar");
  await expect(page.getByTestId("branch-row-toshkent")).toBeVisible();
  await expect(page.getByTestId("branch-row-samarqand")).toBeVisible();
  await page.getByLabel("Filiallarni qidirish").fill("Samar");
  await expect(page.getByTestId("branch-row-toshkent")).toHaveCount(0);
  await snap(page, "setup-06-branches-list");

  // Services: one catalogue, assigned to branches; letters are suggested and unique.
  await nav(page, "Xizmatlar");
  await expect(page.getByText("Hali xizmatlar yoʻq")).toBeVisible();
  await page.getByRole("link", { name: "+ Yangi xizmat" }).click();
  await page.locator("#service-name-uz").fill("Kassa xizmati");
  await page.locator("#service-name-ru").fill("Касса");
  await page.locator("#service-name-en").fill("Cash desk");
  await expect(page.getByLabel("Talon harfi")).toHaveValue("K");
  await page.getByLabel("Davomiyligi").selectOption("15");
  await page.getByLabel("Toshkent filiali").check();
  await page.getByLabel("Samarqand filiali").check();
  await snap(page, "setup-07-service-form");
  await page.getByRole("button", { name: "Xizmat yaratish" }).click();
  await page.getByRole("link", { name: "+ Yangi xizmat" }).click();
  await page.locator("#service-name-uz").fill("Kredit maslahat");
  await page.locator("#service-name-ru").fill("Кредитная консультация");
  await expect(page.getByLabel("Talon harfi")).toHaveValue("KR");
  await page.getByLabel("Davomiyligi").selectOption("30");
  await page.getByLabel("Toshkent filiali").check();
  await page.getByRole("button", { name: "Xizmat yaratish" }).click();
  await expect(page.getByRole("link", { name: "Kredit maslahat" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Kassa xizmati/ })).toContainText(
    "Toshkent filiali, Samarqand filiali",
  );
  await snap(page, "setup-08-services-list");

  // The branch page shows which services it offers; one service, two branches.
  await nav(page, "Filiallar");
  await page.getByRole("link", { name: "Samarqand filiali" }).click();
  await page.getByRole("tab", { name: "Xizmatlar" }).click();
  await expect(page.getByRole("checkbox", { name: /Kassa xizmati/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Kredit maslahat/ })).not.toBeChecked();
  await snap(page, "setup-08b-branch-services");

  // Operators: different services at numbered counters; one password shown once, one invite.
  await nav(page, "Xodimlar");
  await page.getByRole("link", { name: "+ Yangi xodim" }).first().click();
  await page.getByLabel("Ism-familiya").fill("Aziza Karimova");
  await page.getByLabel("Login (e-pochta)").fill("aziza@aloqabank.uz");
  await page.locator("#staff-branchId").selectOption({ label: "Toshkent filiali" });
  await page.locator("#staff-counterId").selectOption({ label: "1-oyna — Kassa" });
  // A new operator starts with every service of the branch ticked; Aziza keeps to the cash desk.
  await expect(page.getByLabel("K · Kassa xizmati")).toBeChecked();
  await expect(page.getByLabel("KR · Kredit maslahat")).toBeChecked();
  await page.getByLabel("KR · Kredit maslahat").uncheck();
  // The schedule follows the branch: Saturday is a working day there.
  await expect(page.getByRole("switch", { name: "Shanba ish kuni", exact: true })).toBeChecked();
  await snap(page, "setup-09-operator-form");
  await page.getByRole("button", { name: "Xodim qoʻshish" }).click();
  const password = page.getByTestId("one-time-password");
  await expect(password).toBeVisible();
  const operatorOtp = (await password.textContent()) ?? "";
  expect(operatorOtp.length).toBeGreaterThan(7);
  await snap(page, "setup-10-operator-one-time-password");
  await page.getByRole("button", { name: "Nusxaladim, yopish" }).click();

  await page.getByRole("link", { name: "+ Yangi xodim" }).first().click();
  await page.getByLabel("Ism-familiya").fill("Bobur Aliyev");
  await page.getByLabel("Login (e-pochta)").fill("bobur@aloqabank.uz");
  await page.locator("#staff-branchId").selectOption({ label: "Toshkent filiali" });
  await page.locator("#staff-counterId").selectOption({ label: "2-oyna — Kredit" });
  await expect(page.getByLabel("K · Kassa xizmati")).toBeChecked();
  await page.getByLabel("K · Kassa xizmati").uncheck();
  await expect(page.getByLabel("KR · Kredit maslahat")).toBeChecked();
  await page.getByLabel("E-pochtaga taklif yuborish").check();
  await page.getByRole("button", { name: "Xodim qoʻshish" }).click();
  await expect(page.getByText("Taklif bobur@aloqabank.uz manziliga yuborildi")).toBeVisible();
  await expect(page.getByTestId("staff-row")).toHaveCount(3);
  await page.getByLabel("Rol boʻyicha").selectOption("OPERATOR");
  await expect(page.getByTestId("staff-row")).toHaveCount(2);
  await expect(page.getByRole("row", { name: /Aziza Karimova/ })).toContainText("1-oyna");
  await snap(page, "setup-11-staff-list");

  // Overview: every required step is done; ask for activation.
  await nav(page, "Umumiy koʻrinish");
  for (const key of ["branches", "services", "operators", "hours", "counters"]) {
    await expect(page.getByTestId(`checklist-${key}`)).toHaveAttribute("data-done", "true");
  }
  await expect(page.getByTestId("checklist-devices")).toHaveAttribute("data-done", "false");
  await page.getByTestId("ready-button").click();
  await expect(page.getByTestId("ready-requested")).toBeVisible();
  const setupMs = Date.now() - setupStarted;
  await snap(page, "setup-12-overview-ready");

  // Kiosk: the admin adds one and reads the code; the tablet in the hall enters it.
  const kioskStarted = Date.now();
  await nav(page, "Qurilmalar");
  await expect(page.getByText("Hali qurilmalar yoʻq")).toBeVisible();
  await page.getByRole("button", { name: "+ Kiosk qoʻshish" }).first().click();
  await page.locator("#device-branch").selectOption({ label: "Toshkent filiali" });
  await page.getByLabel("Nomi").fill("Kirish yonidagi kiosk");
  await page.getByRole("button", { name: "Ulash kodini olish" }).click();
  const codeEl = page.getByTestId("pairing-code");
  await expect(codeEl).toBeVisible();
  await expect(page.getByTestId("pairing-countdown")).toContainText(/Kod \d+:\d\ddan keyin/);
  const code = (await codeEl.getAttribute("data-code")) ?? "";
  const kioskUrl = (await page.getByTestId("pairing-url").textContent()) ?? "";
  expect(code).toMatch(/^\d{6}$/);
  expect(kioskUrl).toContain(`/k/${SLUG}/toshkent`);
  await snap(page, "setup-13-device-pairing-code");

  const hall = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const kiosk = await hall.newPage();
  await kiosk.goto(new URL(kioskUrl).pathname);
  await expect(kiosk.getByRole("heading", { name: "Kioskni ulash" })).toBeVisible();
  // A wrong code first, then the right one on the on-screen keypad.
  await kiosk.getByLabel("Ulash kodi").fill(code === "000000" ? "111111" : "000000");
  await kiosk.getByRole("button", { name: "Ulash", exact: true }).click();
  await expect(kiosk.getByRole("alert")).toContainText("Kod notoʻgʻri");
  await snap(kiosk, "setup-14-kiosk-pairing-screen");
  for (const digit of code) await kiosk.getByRole("button", { name: digit, exact: true }).tap();
  await kiosk.getByRole("button", { name: "Ulash", exact: true }).tap();
  // Paired: the kiosk's welcome screen, then its services.
  await expect(kiosk.getByTestId("kiosk-start")).toBeEnabled();
  await expect(kiosk.getByText("Toshkent filiali")).toBeVisible();
  await snap(kiosk, "setup-15-kiosk-paired");
  await kiosk.getByTestId("kiosk-start").tap();
  await expect(kiosk.getByTestId("kiosk-services")).toContainText("Kassa xizmati");
  await expect(kiosk.getByTestId("kiosk-services")).toContainText("Kredit maslahat");

  // The admin's dialog notices the pairing by itself.
  await expect(page.getByTestId("pairing-done")).toBeVisible({ timeout: 15_000 });
  const kioskMs = Date.now() - kioskStarted;
  await page.getByRole("button", { name: "Yopish", exact: true }).last().click();
  await expect(page.getByTestId("device-status")).toHaveText("Ulangan");
  await expect(page.getByTestId("device-row")).toContainText("hozirgina");
  await snap(page, "setup-16-devices-list");

  console.log(`Company set-up took ${(setupMs / 1000).toFixed(1)} s (target < 300 s)`);
  console.log(`Kiosk set-up took ${(kioskMs / 1000).toFixed(1)} s (target < 120 s)`);
  expect(setupMs).toBeLessThan(5 * 60_000);
  expect(kioskMs).toBeLessThan(2 * 60_000);

  // Kiosk settings: show only the cash service, reset after two idle minutes.
  await page.getByRole("button", { name: "Sozlamalar" }).click();
  await page.getByRole("dialog").getByLabel("K · Kassa xizmati").check();
  await page.getByLabel("Bosh ekranga qaytish (soniya)").fill("120");
  await snap(page, "setup-17-kiosk-settings");
  await page.getByRole("dialog").getByRole("button", { name: "Saqlash" }).click();
  await expect(page.getByText("Qurilma sozlamalari saqlandi")).toBeVisible();
  await kiosk.reload();
  await kiosk.getByTestId("kiosk-start").tap();
  await expect(kiosk.getByTestId("kiosk-services")).toContainText("Kassa xizmati");
  await expect(kiosk.getByTestId("kiosk-services")).not.toContainText("Kredit maslahat");

  // Revoking the kiosk sends its screen back to the pairing code.
  await page.getByRole("button", { name: "Ajratish", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ajratish" }).click();
  await expect(page.getByTestId("device-status")).toHaveText("Ajratilgan");
  await kiosk.reload();
  await expect(kiosk.getByText("Bu ekran ajratildi")).toBeVisible({ timeout: 20_000 });

  // Branding: the company colour re-themes the panel.
  await nav(page, "Brending");
  await page.getByLabel("Rang kodi").fill("#0A6ED1");
  await page.getByRole("button", { name: "Saqlash" }).click();
  await expect(page.getByText("Rang saqlandi")).toBeVisible();
  await expect(page.getByTestId("company-admin")).toHaveAttribute("style", /--brand: #0A6ED1/);
  await snap(page, "setup-18-branding");

  // The operator signs in and lands at the operator desk, not in the admin panel.
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const operator = await desk.newPage();
  await operator.goto(`${ADMIN_URL}/login`);
  await operator.getByLabel("E-pochta").fill("aziza@aloqabank.uz");
  await operator.getByLabel("Parol").fill(operatorOtp);
  await operator.getByRole("button", { name: "Kirish" }).click();
  await operator.getByLabel("Joriy parol").fill(operatorOtp);
  await operator.getByLabel("Yangi parol", { exact: true }).fill("Navbat-Oynasi-Bir-77");
  await operator.getByLabel("Yangi parolni takrorlang").fill("Navbat-Oynasi-Bir-77");
  await operator.getByRole("button", { name: "Parolni oʻzgartirish" }).click();
  await expect(operator).toHaveURL(new RegExp(`/c/${SLUG}/operator$`));
  // The counter the admin gave her is chosen already.
  await expect(operator.getByTestId("counter-picker").locator("option:checked")).toHaveText(
    /^1-oyna — Kassa/,
  );

  // Tablet (768×1024): the same screens stay usable without the sidebar.
  await page.setViewportSize({ width: 768, height: 1024 });
  await nav(page, "Umumiy koʻrinish");
  await expect(page.getByTestId("ready-requested")).toBeVisible();
  await snap(page, "setup-tablet-01-overview");
  await nav(page, "Filiallar");
  await page.getByTestId("branch-row-toshkent").getByRole("link").click();
  await page.getByRole("tab", { name: "Ish vaqti" }).click();
  await snap(page, "setup-tablet-02-branch-hours");
  await nav(page, "Xodimlar");
  await page.getByRole("link", { name: "Aziza Karimova" }).click();
  await snap(page, "setup-tablet-03-operator-edit");
  await nav(page, "Qurilmalar");
  await snap(page, "setup-tablet-04-devices");

  // Russian and English are complete too.
  await page.setViewportSize({ width: 1366, height: 768 });
  await nav(page, "Umumiy koʻrinish");
  await page.getByLabel("Til").selectOption("ru");
  await expect(page.getByRole("heading", { name: "Aloqabank: настройка" })).toBeVisible();
  await snap(page, "setup-19-overview-ru");
  await page.getByRole("link", { name: "Филиалы" }).first().click();
  await page.getByTestId("branch-row-toshkent").getByRole("link").click();
  await page.getByRole("tab", { name: "Часы работы" }).click();
  await snap(page, "setup-20-branch-hours-ru");
  await page.getByLabel("Язык").selectOption("en");
  await page.getByRole("link", { name: "Staff" }).first().click();
  await expect(page.getByRole("heading", { name: "Staff" })).toBeVisible();
  await snap(page, "setup-21-staff-en");

  // A branch manager for Samarqand sees only that branch and no company-wide pages.
  await page.getByRole("link", { name: "Staff" }).first().click();
  await page.getByLabel("Language").selectOption("uz");
  await page.getByRole("link", { name: "+ Yangi xodim" }).first().click();
  await page.getByLabel("Filial menejeri").check();
  await page.getByLabel("Ism-familiya").fill("Dilnoza Rahimova");
  await page.getByLabel("Login (e-pochta)").fill("dilnoza@aloqabank.uz");
  await page.getByRole("checkbox", { name: /Samarqand filiali/ }).check();
  await page.getByRole("button", { name: "Xodim qoʻshish" }).click();
  const managerOtp = (await page.getByTestId("one-time-password").textContent()) ?? "";
  await page.getByRole("button", { name: "Nusxaladim, yopish" }).click();
  const office = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const manager = await office.newPage();
  await manager.goto(`${ADMIN_URL}/login`);
  await manager.getByLabel("E-pochta").fill("dilnoza@aloqabank.uz");
  await manager.getByLabel("Parol").fill(managerOtp);
  await manager.getByRole("button", { name: "Kirish" }).click();
  await manager.getByLabel("Joriy parol").fill(managerOtp);
  await manager.getByLabel("Yangi parol", { exact: true }).fill("Samarqand-Menejer-55");
  await manager.getByLabel("Yangi parolni takrorlang").fill("Samarqand-Menejer-55");
  await manager.getByRole("button", { name: "Parolni oʻzgartirish" }).click();
  await expect(manager).toHaveURL(new RegExp(`${ADMIN_URL}/branches$`));
  await expect(manager.getByTestId("branch-row-samarqand")).toBeVisible();
  await expect(manager.getByTestId("branch-row-toshkent")).toHaveCount(0);
  await expect(manager.getByRole("link", { name: "Brending" })).toHaveCount(0);
  await snap(manager, "setup-22-manager-branches");
  await office.close();

  await desk.close();
  await hall.close();
  await admin.close();
});
