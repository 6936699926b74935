import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { issueTicket, setUpQueueWorld } from "./queue-setup";
import { shot, snap } from "./screenshots";

test("the admin watches the floor move while an operator serves, then exports a report", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await setUpQueueWorld(request, "hisobotbank");
  const first = await issueTicket(request, world, world.services.kassa, "KIOSK", "Aziz");
  await issueTicket(request, world, world.services.kassa, "KIOSK");
  await issueTicket(request, world, world.services.kredit, "KIOSK");

  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const admin = await desk.newPage();
  await admin.goto(`/c/${world.slug}/admin/login`);
  await admin.getByLabel("E-pochta").fill(`admin@${world.slug}.uz`);
  await admin.getByLabel("Parol").fill("Toshkent-Filial-2026");
  await admin.getByRole("button", { name: "Kirish" }).click();
  await admin.getByRole("link", { name: "Boshqaruv paneli" }).first().click();
  await expect(admin).toHaveURL(/\/admin\/dashboard$/);
  const kassa = admin.getByTestId("floor-service-K");
  await expect(kassa.getByTestId("floor-waiting")).toHaveText("2");
  await expect(kassa.getByTestId("floor-served")).toHaveText("0");

  // A colleague at counter 5 works through the API: the admin's page follows by the socket.
  const bobur = { authorization: `Bearer ${world.colleague.token}` };
  const queue = `/api/c/${world.slug}/queue`;
  expect((await request.post(`${queue}/session`, { headers: bobur })).ok()).toBeTruthy();
  expect(
    (await request.post(`${queue}/tickets/${first.id!}/call`, { headers: bobur })).ok(),
  ).toBeTruthy();
  await expect(kassa.getByTestId("floor-waiting")).toHaveText("1", { timeout: 5_000 });
  await expect(admin.getByTestId("floor-operators")).toContainText(/Xizmat koʻrsatmoqda/, {
    timeout: 5_000,
  });
  for (const step of ["start", "finish"]) {
    const res = await request.post(`${queue}/tickets/${first.id!}/${step}`, {
      headers: bobur,
      data: {},
    });
    expect(res.ok(), await res.text()).toBeTruthy();
  }
  await expect(kassa.getByTestId("floor-served")).toHaveText("1", { timeout: 5_000 });
  await snap(admin, "reports-01-dashboard");

  // The report of today: the served visit is there; the XLSX reads back with the same figures.
  await admin.getByRole("link", { name: "Hisobotlar" }).first().click();
  // The report reads the roll-ups, which may be up to a second behind the finish: as an admin
  // would, open it again until the visit is there.
  const served = admin.getByTestId("kpi-served");
  await expect(async () => {
    if ((await served.textContent()) !== "1") await admin.reload();
    await expect(served).toHaveText("1", { timeout: 1_500 });
  }).toPass({ timeout: 10_000 });
  await expect(admin.getByTestId("kpi-entered")).toHaveText("3");
  await expect(admin.getByTestId("table-operators")).toContainText("1");
  // The charts are drawn, not only their boxes: ECharts loads after the figures and tables.
  const daily = admin.getByRole("img", { name: "Kunlar boʻyicha" });
  await expect(daily.locator("svg path").first()).toBeAttached();
  await snap(admin, "reports-02-report");
  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByTestId("export-xlsx").click(),
  ]);
  // The page is in Uzbek, and so is the file: its name, its sheets and its figures' names.
  expect(download.suggestedFilename()).toMatch(
    /^hisobot-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/,
  );
  const file = await download.path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const summary = book.getWorksheet("Umumiy koʻrsatkichlar")!;
  const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows.find((r) => r[1] === "Xizmat koʻrsatildi")?.[2]).toBe(1);
  expect(rows.find((r) => r[1] === "Navbatga kirdi")?.[2]).toBe(3);

  // One branch and one service: the staffing advice for them appears under the report.
  await admin.getByRole("combobox", { name: "Filial", exact: true }).selectOption(world.branch.id);
  await admin
    .getByRole("combobox", { name: "Xizmat", exact: true })
    .selectOption(world.services.kassa);
  await admin.getByRole("button", { name: "Koʻrsatish" }).click();
  await expect(
    admin.getByRole("heading", { name: "Operatorlar soni boʻyicha tavsiya" }),
  ).toBeVisible();
  await admin
    .getByRole("heading", { name: "Operatorlar soni boʻyicha tavsiya" })
    .scrollIntoViewIfNeeded();
  await admin.screenshot({ path: shot("reports-03-staffing") });
  await snap(admin, "reports-04-report-one-service");
  await desk.close();
});
