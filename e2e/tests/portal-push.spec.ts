import { expect, test } from "@playwright/test";
import { startFakePushService } from "@equeue/server/testing/fake-push-service";
import { PHONE, expectAccessible } from "./accessibility";
import { issueTicket, setUpQueueWorld } from "./queue-setup";
import { snap } from "./screenshots";

// Headless Chromium reaches no real push service offline, so the journey puts a push service of
// its own on loopback: the page's PushManager.subscribe answers a subscription at that service
// (keys made here, as a browser makes them); the server encrypts and signs the real Web Push
// request to it; the fake decrypts it, and DevTools hands the plaintext to the portal's service
// worker (ServiceWorker.deliverPushMessage) as a browser's push service would.
test("a customer follows the ticket on this phone by web push and is told when called", async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = baseURL!;
  const push = await startFakePushService();
  try {
    const world = await setUpQueueWorld(request, "hamkorbank-push");
    const staff = { authorization: `Bearer ${world.operator.token}` };
    const session = await request.post(`/api/c/${world.slug}/queue/session`, {
      headers: staff,
      data: { counterId: world.counters.three },
    });
    expect(session.ok(), await session.text()).toBeTruthy();
    const ticket = await issueTicket(request, world, world.services.kassa, "WALK_IN");
    const browserSide = push.subscribe();

    const phone = await browser.newContext(PHONE);
    await phone.grantPermissions(["notifications"], { origin });
    await phone.addInitScript((sub) => {
      const bytes = (b64u: string) => {
        const b64 = b64u.replace(/-/g, "+").replace(/_/g, "/");
        const raw = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
        return Uint8Array.from(raw, (c) => c.charCodeAt(0)).buffer;
      };
      let current: unknown = null;
      const fake = {
        endpoint: sub.endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: null },
        getKey: (name: "p256dh" | "auth") => bytes(sub.keys[name]),
        toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
        unsubscribe: async () => {
          current = null;
          return true;
        },
      };
      PushManager.prototype.subscribe = async function () {
        current = fake;
        return fake as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        return current as PushSubscription | null;
      };
    }, browserSide.subscription);
    const page = await phone.newPage();
    await page.goto(`/c/${world.slug}/t/${ticket.trackingToken}`);
    await expect(page.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "WAITING");

    await page.getByRole("button", { name: "Shu telefonga xabar bering" }).click();
    await expect(page.getByTestId("push-on")).toBeVisible();
    await expect(page.getByTestId("channel-push")).toBeChecked();
    await snap(page, "portal-push-01-following");
    await expectAccessible(page, "ticket page following by push");
    const channels = await request.get(`/api/public/tickets/${ticket.trackingToken}/channels`);
    expect((await channels.json()).pushBrowsers).toBe(1);

    // DevTools learns the portal service worker's registration.
    const cdp = await phone.newCDPSession(page);
    const registrations = new Map<string, string>();
    cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => {
      for (const r of e.registrations)
        if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
    });
    await cdp.send("ServiceWorker.enable");
    await expect.poll(() => registrations.get(`${origin}/`)).toBeTruthy();

    // The operator calls the ticket: the server sends the encrypted push to the fake service.
    const called = await request.post(`/api/c/${world.slug}/queue/call-next`, { headers: staff });
    expect(called.ok(), await called.text()).toBeTruthy();
    await expect
      .poll(() => push.received.filter((r) => r.id === browserSide.id).length, { timeout: 15_000 })
      .toBe(1);
    expect(push.rejected).toEqual([]);
    const message = push.received.find((r) => r.id === browserSide.id)!;
    const payload = JSON.parse(message.text) as { title: string; body: string; url: string };
    expect(payload.body).toBe(`${ticket.label}: navbatingiz keldi, 3-oynaga oʻting.`);
    expect(payload.url).toBe(`${origin}/t/${ticket.trackingToken}`);

    // The push service delivers it to the phone's service worker, which shows the notification.
    // A worker still starting on a loaded machine can miss a delivery, as a real push service's
    // first try can fail: it is delivered again while nothing shows (the message's tag makes a
    // second copy replace the first, so one notification is the right count either way).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const shownNotifications = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        const shown = await registration.getNotifications();
        return shown.map((n) => ({ title: n.title, body: n.body }));
      });
    await expect
      .poll(
        async () => {
          const shown = await shownNotifications();
          if (shown.length === 0)
            await cdp.send("ServiceWorker.deliverPushMessage", {
              origin,
              registrationId: registrations.get(`${origin}/`)!,
              data: message.text,
            });
          return shown;
        },
        { timeout: 20_000, intervals: [500, 2_000, 3_000] },
      )
      .toEqual([{ title: payload.title, body: payload.body }]);
    await expect(page.getByTestId("tracked-ticket")).toHaveAttribute("data-status", "CALLED");
    await snap(page, "portal-push-02-called");
    await phone.close();
  } finally {
    await push.close();
  }
});
