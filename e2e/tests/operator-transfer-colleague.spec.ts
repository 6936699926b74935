import { expect, test } from "@playwright/test";
import { emulateTvBrowser } from "./board-fakes";
import { issueTicket, setUpQueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

test("a clerk hands a customer to a colleague by name, and the hall board wears the company's colour", async ({
  browser,
  request,
}) => {
  const world = await setUpQueueWorld(request, "ipotekabank");
  const admin = { authorization: `Bearer ${world.adminToken}` };
  const branded = await request.patch(`/api/c/${world.slug}/admin/branding`, {
    headers: admin,
    data: { primaryColor: "#0f766e" },
  });
  expect(branded.ok(), await branded.text()).toBeTruthy();
  const ticket = await issueTicket(request, world, world.services.kassa, "KIOSK", "Malika");

  // The board, paired, in the company's teal: header and call panel, white text on it.
  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await emulateTvBrowser(tv);
  const board = await tv.newPage();
  await board.goto(`/d/${world.slug}/${world.branch.slug}`);
  await board.locator("input").first().fill(world.pairingCode);
  await board.keyboard.press("Enter");
  // The first snapshot can take a while on a busy machine; the colour is in it.
  await expect(board.getByTestId("display-board")).toHaveAttribute("data-brand", "#0f766e", {
    timeout: 30_000,
  });
  await expect(board.getByTestId("board-header")).toHaveCSS(
    "background-color",
    "rgb(15, 118, 110)",
  );
  await board.getByTestId("enable-sound").click();

  // Bobur opens counter 5 (through the API); Aziza serves the customer at counter 3.
  const bobur = { authorization: `Bearer ${world.colleague.token}` };
  const session = await request.post(`/api/c/${world.slug}/queue/session`, { headers: bobur });
  expect(session.ok(), await session.text()).toBeTruthy();
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const op = await desk.newPage();
  await op.goto(`/c/${world.slug}/admin/login`);
  await expect(op.getByText("Sessiya muddati tugadi")).toHaveCount(0);
  await op.getByLabel("E-pochta").fill(world.operator.email);
  await op.getByLabel("Parol").fill(world.operator.password);
  await op.getByRole("button", { name: "Kirish" }).click();
  await op.getByRole("button", { name: "Ishni boshlash" }).click();
  await expect(op.getByTestId("operator-counter")).toHaveText("3-oyna");
  await op.keyboard.press("Space");
  await expect(op.getByTestId("current-label")).toHaveText(ticket.label);
  await snap(board, "transfer-01-board-brand-colour");
  await op.keyboard.press("KeyA");
  await expect(op.getByTestId("current-ticket")).toHaveAttribute("data-status", "SERVING");

  // T, then "to an operator": Bobur is listed with his counter and state; keyboard only.
  await op.keyboard.press("KeyT");
  const dialog = op.getByRole("dialog");
  await dialog.locator("label", { hasText: "Operatorga" }).click();
  await expect(dialog.getByRole("radio", { name: "Operatorga" })).toBeChecked();
  const colleague = dialog.getByTestId("transfer-colleague").filter({ hasText: "Bobur Aliyev" });
  await expect(colleague).toContainText("5-oyna");
  await expect(colleague).toContainText("Ishdaman");
  await expect(dialog.getByRole("radio", { name: /Bobur Aliyev/ })).toBeEnabled();
  await dialog.getByRole("radio", { name: /Bobur Aliyev/ }).focus();
  await op.keyboard.press("Space");
  await expect(dialog.getByRole("radio", { name: /Bobur Aliyev/ })).toBeChecked();
  await dialog.getByLabel("Izoh (ixtiyoriy)").fill("Ipoteka boʻyicha");
  await snap(op, "transfer-02-operator-to-colleague");
  await dialog.getByRole("button", { name: "Oʻtkazish" }).click();
  await expect(op.getByTestId("current-ticket")).toHaveAttribute("data-status", "NONE");

  // The customer now waits for Bobur: his next call is this customer, at counter 5.
  const next = await request.post(`/api/c/${world.slug}/queue/call-next`, {
    headers: bobur,
    data: {},
  });
  expect(next.ok(), await next.text()).toBeTruthy();
  expect((await next.json()).ticket.label).toBe(ticket.label);
  await expect(board.getByTestId("board-current-counter")).toHaveText("5-oyna", {
    timeout: 2_500,
  });

  await desk.close();
  await tv.close();
});
