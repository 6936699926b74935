import { spokenCall } from "@equeue/core";
import { expect, test, type Page } from "@playwright/test";
import { emulateTvBrowser, spokenOn } from "./board-fakes";
import { issueTicket, setUpQueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

// The board must show a call within about two seconds of the operator pressing the key.
const BOARD_DELAY = { timeout: 2_500 };

async function boardShows(board: Page, label: string, counter: string) {
  await expect(board.getByTestId("board-current-label")).toHaveText(label, BOARD_DELAY);
  await expect(board.getByTestId("board-current-counter")).toHaveText(counter, BOARD_DELAY);
}

test("an operator calls, serves and finishes customers while the hall display shows and announces each call", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const world = await setUpQueueWorld(request, "hamkorbank");
  const k1 = await issueTicket(request, world, world.services.kassa, "KIOSK", "Aziz Karimov");
  const k2 = await issueTicket(request, world, world.services.kredit, "KIOSK");
  const o1 = await issueTicket(request, world, world.services.kassa, "ONLINE", "Dilnoza");
  const k3 = await issueTicket(request, world, world.services.kassa, "KIOSK");
  expect([k1.label, k2.label, o1.label, k3.label]).toEqual(["K-001", "K-002", "O-001", "K-003"]);

  // The hall TV: pair it with the code from the admin panel, then the board appears.
  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await emulateTvBrowser(tv);
  const board = await tv.newPage();
  await board.goto(`/d/${world.slug}/${world.branch.slug}`);
  await board.locator("input").first().fill(world.pairingCode);
  await board.keyboard.press("Enter");
  await expect(board.getByTestId("display-board")).toBeVisible();
  await expect(board.getByTestId("board-company")).toHaveText("Hamkorbank");
  await expect(board.getByTestId("board-branch")).toHaveText("Toshkent filiali");
  await expect(board.getByTestId("display-board")).toHaveAttribute("data-connection", "online");
  await expect(board.getByTestId("board-service")).toHaveCount(2);
  await expect(board.getByTestId("board-service").first()).toContainText("3 kishi");
  // The TV restarts (the pairing survives); sound stays locked until someone touches it once.
  await board.reload();
  await expect(board.getByTestId("display-board")).toBeVisible();
  await expect(board.getByTestId("board-announcer")).toHaveAttribute("data-sound", "off");
  await expect(board.getByTestId("enable-sound")).toBeVisible();
  await snap(board, "queue-01-board-before-calls");
  await board.getByTestId("enable-sound").click();
  await expect(board.getByTestId("enable-sound")).toBeHidden();
  await expect(board.getByTestId("board-announcer")).toHaveAttribute("data-sound", "on");

  // The clerk logs in at the company address and lands at the counter, not in the admin panel.
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const op = await desk.newPage();
  await op.clock.install();
  await op.goto(`/c/${world.slug}/admin/login`);
  await op.getByLabel("E-pochta").fill(world.operator.email);
  await op.getByLabel("Parol").fill(world.operator.password);
  await op.getByRole("button", { name: "Kirish" }).click();
  await expect(op).toHaveURL(/\/c\/hamkorbank\/operator$/);
  await expect(op.getByTestId("counter-picker")).toBeVisible();
  await op.getByRole("button", { name: "Ishni boshlash" }).click();
  await expect(op.getByTestId("operator-counter")).toHaveText("3-oyna");
  await expect(op.getByTestId("connection-status")).toHaveAttribute("data-status", "online");
  await expect(op.getByTestId("list-branch").getByTestId("waiting-ticket")).toHaveCount(3);
  await expect(op.getByTestId("list-online").getByTestId("waiting-ticket")).toHaveCount(1);
  await expect(op.getByTestId("stat-waiting")).toHaveText("4");
  await snap(op, "queue-02-operator-ready");

  // Space calls the next customer: the longest waiting, K-001, to counter 3 — on the TV too.
  await op.keyboard.press("Space");
  await expect(op.getByTestId("current-label")).toHaveText("K-001");
  await expect(op.getByTestId("current-customer")).toHaveText("Aziz Karimov");
  await boardShows(board, "K-001", "3-oyna");
  await expect(board.getByTestId("board-announcer")).toHaveAttribute("data-announced", "1", {
    timeout: 10_000,
  });
  // A chime, then the number read as a person would. The TV has no Uzbek voice, and a Turkish one
  // would misread Uzbek spelling, so the Russian voice says the Russian phrase, once.
  expect(await spokenOn(board)).toEqual([{ text: spokenCall("K-001", 3, "ru"), lang: "ru-RU" }]);
  await snap(op, "queue-03-operator-called");
  await snap(board, "queue-04-board-first-call");

  // "Did not come" waits out the grace time; "Keldi" starts the service, F + Enter finishes it.
  await expect(op.getByTestId("no-show")).toBeDisabled();
  await op.keyboard.press("KeyA");
  await expect(op.getByTestId("current-ticket")).toHaveAttribute("data-status", "SERVING");
  await op.keyboard.press("KeyF");
  await op.getByLabel("Natija (ixtiyoriy)").fill("Karta berildi");
  await op.keyboard.press("Enter");
  await expect(op.getByTestId("current-ticket")).toHaveAttribute("data-status", "NONE");
  await expect(op.getByTestId("stat-served")).toHaveText("1");

  // Call a specific customer from the online list; the board moves K-001 down to the history.
  await op.getByTestId("list-online").getByRole("button", { name: "O-001ni chaqirish" }).click();
  await expect(op.getByTestId("current-label")).toHaveText("O-001");
  await boardShows(board, "O-001", "3-oyna");
  await expect(board.getByTestId("board-recent-call").first()).toHaveAttribute(
    "data-label",
    "K-001",
  );

  // Recall, then after the grace time mark a no-show.
  await op.keyboard.press("KeyR");
  await expect(board.getByTestId("board-announcer")).toHaveAttribute("data-announced", "3", {
    timeout: 15_000,
  });
  await expect(op.getByTestId("no-show")).toBeDisabled();
  await expect(op.getByTestId("no-show")).toContainText(/\d:\d\d/);
  // X before the grace has passed says when it will work, and marks nothing.
  await op.keyboard.press("KeyX");
  await expect(op.getByText(/«Kelmadi» tugmasi \d:\d\ddan keyin ishlaydi/)).toBeVisible();
  await expect(op.getByTestId("current-ticket")).not.toHaveAttribute("data-status", "NONE");
  // The branch's grace is 5 s, but the workplace answer does not carry it yet, so the screen
  // counts down the engine's default of 2 minutes: move the page's clock past it.
  await op.waitForTimeout(5_500);
  await op.clock.setSystemTime(Date.now() + 125_000);
  await expect(op.getByTestId("no-show")).toBeEnabled({ timeout: 5_000 });
  await op.keyboard.press("KeyX");
  await expect(op.getByTestId("current-ticket")).toHaveAttribute("data-status", "NONE");

  // Two calls in the same moment — this clerk and a colleague at counter 5 — both reach the TV.
  const bobur = { authorization: `Bearer ${world.colleague.token}` };
  const session = await request.post(`/api/c/${world.slug}/queue/session`, { headers: bobur });
  expect(session.ok(), await session.text()).toBeTruthy();
  const [colleague] = await Promise.all([
    request.post(`/api/c/${world.slug}/queue/tickets/${k3.id!}/call`, { headers: bobur }),
    op.keyboard.press("Space"),
  ]);
  expect(colleague.ok()).toBeTruthy();
  await expect(op.getByTestId("current-label")).toHaveText("K-002");
  const shown = board.locator("[data-testid=board-current-label], [data-testid=board-recent-call]");
  await expect(board.getByTestId("board-recent-call").nth(0)).toBeVisible();
  const labels = async () =>
    (await shown.allTextContents()).map((text) => text.replace(/\s+/g, " ").trim());
  await expect
    .poll(labels, BOARD_DELAY)
    .toEqual(
      expect.arrayContaining([expect.stringContaining("K-002"), expect.stringContaining("K-003")]),
    );
  await expect(board.getByTestId("board-announcer")).toHaveAttribute("data-announced", "5", {
    timeout: 20_000,
  });
  // Both were announced, one after the other, none skipped.
  const said = (await spokenOn(board)).map((s) => s.text);
  expect(said).toEqual(
    expect.arrayContaining([spokenCall("K-002", 3, "ru"), spokenCall("K-003", 5, "ru")]),
  );
  await snap(board, "queue-05-board-two-calls");

  // Reception: a walk-in ticket from the operator's screen.
  await op.keyboard.press("KeyA");
  await expect(op.getByTestId("current-ticket")).toHaveAttribute("data-status", "SERVING");
  await op.getByTestId("new-ticket").click();
  await op.getByLabel("Xizmat").selectOption({ label: "Kassa xizmati" });
  await op.getByLabel("Mijoz ismi (ixtiyoriy)").fill("Sardor");
  await op.getByRole("button", { name: "Talon berish" }).click();
  await expect(op.getByTestId("walk-in-issued")).toContainText("W-001");
  await snap(op, "queue-06-operator-walk-in");
  await op.getByRole("button", { name: "Yopish" }).first().click();
  await expect(op.getByTestId("list-branch").getByTestId("waiting-ticket")).toHaveCount(1);
  await snap(op, "queue-07-operator-serving");

  // The clerk's network drops: the screen says so at once; what happened meanwhile (a kiosk
  // ticket) appears after the reconnect without a reload.
  await desk.setOffline(true);
  await expect(op.getByTestId("connection-status")).toHaveAttribute("data-status", "offline", {
    timeout: 30_000,
  });
  await expect(op.getByTestId("offline-banner")).toBeVisible();
  const k4 = await issueTicket(request, world, world.services.kredit, "KIOSK");
  await desk.setOffline(false);
  await expect(op.getByTestId("connection-status")).toHaveAttribute("data-status", "online", {
    timeout: 30_000,
  });
  await expect(op.getByTestId("list-branch").locator(`[data-label="${k4.label}"]`)).toBeVisible();

  // Transfer the customer at the counter to another service: the number stays, the place is kept.
  await op.keyboard.press("KeyT");
  const transfer = op.getByRole("dialog");
  await transfer.getByLabel("Xizmat", { exact: true }).selectOption({ label: "Kassa xizmati" });
  await snap(op, "queue-08-operator-transfer");
  await transfer.getByRole("button", { name: "Oʻtkazish" }).click();
  await expect(op.getByTestId("current-ticket")).toHaveAttribute("data-status", "NONE");
  const moved = op.getByTestId("list-branch").locator('[data-label="K-002"]');
  await expect(moved).toContainText("Oʻtkazilgan");

  // A customer follows K-004 on the phone; the operator calls it and the phone says where to go.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const mobile = await phone.newPage();
  await mobile.goto(`/c/${world.slug}/t/${k4.trackingToken}`);
  await expect(mobile.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "WAITING");
  await expect(mobile.getByTestId("tracked-ahead")).toHaveText("0 kishi");
  await expect(mobile.getByTestId("tracked-eta")).toBeVisible();
  await snap(mobile, "queue-09-ticket-waiting");
  await op
    .getByTestId("list-branch")
    .getByRole("button", { name: `${k4.label}ni chaqirish` })
    .click();
  await expect(mobile.getByTestId("tracked-counter")).toHaveText("3-oynaga boring", BOARD_DELAY);
  await boardShows(board, k4.label, "3-oyna");
  await snap(mobile, "queue-10-ticket-called");
  await op.keyboard.press("KeyA");
  await expect(op.getByTestId("current-ticket")).toHaveAttribute("data-status", "SERVING");
  await op.keyboard.press("KeyF");
  await expect(op.getByLabel("Natija (ixtiyoriy)")).toBeFocused();
  await op.keyboard.press("Enter");
  await expect(op.getByTestId("stat-served")).toHaveText("2");
  await expect(mobile.getByTestId("tracked-status")).toHaveText("Yakunlandi");

  // Another customer gives up waiting: "Navbatdan chiqish" on the ticket's page, asked once;
  // the clerk's list drops the ticket at once, so nobody calls an empty hall.
  const k5 = await issueTicket(request, world, world.services.kredit, "KIOSK");
  await mobile.goto(`/c/${world.slug}/t/${k5.trackingToken}`);
  await expect(mobile.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "WAITING");
  const inList = op.getByTestId("list-branch").locator(`[data-label="${k5.label}"]`);
  await expect(inList).toBeVisible();
  const leave = mobile.getByTestId("leave-queue");
  await leave.getByRole("button", { name: "Navbatdan chiqish" }).click();
  await expect(leave).toContainText("Joyingiz keyingi mijozga oʻtadi");
  await snap(mobile, "queue-10b-ticket-leave-confirm");
  await leave.getByRole("button", { name: "Ha, chiqaman" }).click();
  await expect(mobile.getByTestId("tracked-status")).toHaveText("Bekor qilindi");
  await expect(mobile.getByTestId("left-queue")).toContainText("Siz navbatdan chiqdingiz");
  await expect(mobile.getByTestId("leave-queue")).toHaveCount(0);
  await expect(inList).toHaveCount(0, BOARD_DELAY);
  await snap(mobile, "queue-10c-ticket-left");
  await phone.close();

  // A break: the reason is asked for, and no customer can be called until the clerk is back.
  await op.getByTestId("operator-status").selectOption("BREAK");
  await op.getByRole("dialog").getByRole("button", { name: "Tushlik" }).click();
  await expect(op.getByTestId("operator-status")).toHaveValue("BREAK");
  await expect(op.getByTestId("call-next")).toBeDisabled();
  await expect(op.getByTestId("away-banner")).toContainText("Tanaffus — Tushlik");
  await expect(
    op
      .getByTestId("list-branch")
      .getByRole("button", { name: /chaqirish$/ })
      .first(),
  ).toBeDisabled();
  await snap(op, "queue-11-operator-break");
  await op.getByRole("button", { name: "Ishga qaytish" }).click();
  await expect(op.getByTestId("operator-status")).toHaveValue("AVAILABLE");
  await expect(op.getByTestId("call-next")).toBeEnabled();

  // A busy morning: forty people waiting still fit one screen, the lists scroll. (Online places
  // come from the portal, which limits places per address: the one above is enough; one kiosk
  // issues at most 20 a minute, so reception hands out most of these.)
  const sources = ["KIOSK", "WALK_IN", "WALK_IN", "WALK_IN"] as const;
  for (let i = 0; i < 38; i++) {
    const service = i % 3 === 0 ? world.services.kredit : world.services.kassa;
    await issueTicket(
      request,
      world,
      service,
      sources[i % 4]!,
      i % 5 === 0 ? "Mijoz " + i : undefined,
    );
  }
  await expect(op.getByTestId("stat-waiting")).toHaveText("40");
  await snap(op, "queue-12-operator-busy");
  await expect(board.getByTestId("board-service").first()).toContainText("kishi");
  await snap(board, "queue-13-board-busy");

  // A dropped connection shows on the TV too and heals by itself.
  await tv.setOffline(true);
  await expect(board.getByTestId("board-offline")).toBeVisible({ timeout: 30_000 });
  await snap(board, "queue-14-board-offline");
  await tv.setOffline(false);
  await expect(board.getByTestId("board-offline")).toBeHidden({ timeout: 30_000 });

  await desk.close();
  await tv.close();
});
