import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { startFakeTelegramApi } from "../../testing/fake-telegram-api";
import { createQueueCompany } from "../../testing/queue-factories";
import { issueTicket } from "../queue";
import type { CompanyRecord } from "../tenancy/company-directory";
import { until, walkInTicket } from "./notifications.test-helpers";

const BOT_TOKEN = "123456:TEST-telegram-contact";

describe("a Telegram user shares their own contact to prove their phone", () => {
  let tg: Awaited<ReturnType<typeof startFakeTelegramApi>>;
  let p: TestPlatform;
  let company: CompanyRecord;
  beforeAll(async () => {
    tg = await startFakeTelegramApi({ token: BOT_TOKEN });
    p = await createTestPlatform(
      { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_API_URL: tg.url },
      { dayEndWorker: false },
    );
    ({ company } = await createQueueCompany(p));
  });
  afterAll(async () => {
    await p.close();
    await tg.close();
  });

  const customer = (phone: string) =>
    p.ctx.db
      .selectFrom("platform.customers")
      .selectAll()
      .where("phone", "=", phone)
      .executeTakeFirst();
  const repliesTo = (chat: number) => tg.sent.filter((s) => s.chat_id === String(chat));

  it("links the chat to the phone's account; tickets of that phone are told there", async () => {
    const { setup, issuer, ticket: first } = await walkInTicket(p, company);
    const link = await call(p.app, "POST", `/api/public/tickets/${first.token}/telegram`, {
      body: { language: "en" },
    });
    expect(link.statusCode, link.body).toBe(200);
    tg.start(777301, new URL(link.json().url).searchParams.get("start")!);
    await until(() => repliesTo(777301).length === 1);
    // The bot asks for the number with a button that shares the user's own contact.
    const asked = tg.markups[tg.sent.indexOf(repliesTo(777301)[0]!)];
    expect(asked).toMatchObject({
      keyboard: [[{ request_contact: true, text: expect.stringContaining("Share") }]],
    });

    // Someone else's card (forwarded: another user id) proves nothing.
    tg.contact(777301, { phone_number: "998907003344", user_id: 555 });
    await until(() => repliesTo(777301).length === 2);
    expect(repliesTo(777301)[1]!.text).toMatch(/your own number/);
    expect(await customer("+998907003344")).toBeUndefined();

    // Their own: the account of the phone exists (verified by Telegram), linked to the chat.
    tg.contact(777301, { phone_number: "998907001122", user_id: 777301 });
    await until(() => repliesTo(777301).length === 3);
    expect(repliesTo(777301)[2]!.text).toMatch(/Number verified/);
    const account = await customer("+998907001122");
    expect(account).toBeDefined();
    const chats = await p.ctx.db
      .selectFrom("platform.customer_chats")
      .selectAll()
      .where("customer_id", "=", account!.id)
      .execute();
    expect(chats).toMatchObject([{ chat_id: "777301", language: "en" }]);
    // Sharing again changes nothing.
    tg.contact(777301, { phone_number: "+998907001122", user_id: 777301 });
    await until(() => repliesTo(777301).length === 4);
    expect(await p.ctx.db.selectFrom("platform.customer_chats").selectAll().execute()).toHaveLength(
      1,
    );

    // A ticket taken later with that phone (never linked to the chat itself) is told there.
    const second = await issueTicket(p.ctx, company, issuer, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      customerPhone: "+998 90 700 11 22",
    });
    await p.ctx.events.idle();
    const before = repliesTo(777301).length;
    // The bot's replies just spent the chat's allowance: the message may be handed back to wait
    // for it, and a later tick sends it.
    await until(async () => {
      await p.ctx.outbox.tick();
      return repliesTo(777301).length > before;
    });
    expect(
      repliesTo(777301)
        .slice(before)
        .map((s) => s.text),
    ).toEqual([expect.stringContaining(second.label)]);
  });
});
