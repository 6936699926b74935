/**
 * The notify scenario's instruments: the channel fakes that time each arrival, and what it
 * measures once the load has ended: per channel, the time from a call's
 * HTTP answer to its "it is your turn" message reaching the channel's fake (first arrival per
 * ticket and channel), duplicates; and where that time goes, from the database's own timestamps.
 */
import { randomBytes } from "node:crypto";
import { quoteIdent } from "@equeue/server/db";
import { startFakePushService, type ReceivedPush } from "@equeue/server/testing/fake-push-service";
import { startFakeSmsGateway } from "@equeue/server/testing/fake-sms-gateway";
import { startFakeTelegramApi } from "@equeue/server/testing/fake-telegram-api";
import type { Exec } from "./queue-fixture";
import { round, summarize } from "./stats";

export type Channel = "sms" | "telegram" | "push";
export type Trigger = "CALLED" | "NEARLY_UP" | "OTHER";
export type Arrival = { ticketId: string; channel: Channel; trigger: Trigger; at: number };

type PerChannel = {
  messages: number;
  p50_ms: number | null;
  p90_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
};

/** Call answered (`acked`, per ticket) → "called" at its transport, per channel and in all. */
export function deliveryLatency(run: Arrival[], acked: Map<string, number>) {
  const lat: Record<Channel, number[]> = { sms: [], telegram: [], push: [] };
  const seen = new Map<string, number>();
  for (const a of run) {
    const k = `${a.ticketId}:${a.trigger}:${a.channel}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
    const ack = acked.get(a.ticketId);
    if (a.trigger === "CALLED" && ack !== undefined && seen.get(k) === 1)
      lat[a.channel].push(a.at - ack);
  }
  const duplicates = [...seen.values()].filter((v) => v > 1).reduce((s, v) => s + v - 1, 0);
  const sAll = summarize([...lat.sms, ...lat.telegram, ...lat.push]);
  const per = Object.fromEntries(
    (["sms", "telegram", "push"] as Channel[]).map((c) => {
      const s = summarize(lat[c]);
      const row: PerChannel = {
        messages: s.count,
        p50_ms: round(s.p50),
        p90_ms: round(s.p90),
        p99_ms: round(s.p99),
        max_ms: round(s.max),
      };
      return [c, row];
    }),
  ) as Record<Channel, PerChannel>;
  const counts = (t: Trigger) => run.filter((a) => a.trigger === t).length;
  return { per, sAll, duplicates, counts };
}

const spread = (v: number[]) => {
  const s = summarize(v);
  return { p50_ms: round(s.p50), p99_ms: round(s.p99), max_ms: round(s.max) };
};

/**
 * The stages of a "called" message: the call event's commit-side time, the HTTP answer, the
 * outbox row's creation, the arrival at the transport.
 */
export async function whereTimeGoes(
  exec: Exec,
  companies: { schema: string }[],
  run: Arrival[],
  acked: Map<string, number>,
) {
  const rows = await exec<{ key: string; created: string }>(
    `select dedupe_key as key, (extract(epoch from created_at) * 1000)::float8 as created
     from platform.outbox where dedupe_key like '%:CALLED@%'`,
  );
  // The CALL events' commit-side time (`at`, the call transaction's clock) per ticket.
  const callAt = new Map<string, number>();
  for (const c of companies) {
    for (const e of await exec<{ ticket_id: string; at: number }>(
      `select ticket_id, (extract(epoch from at) * 1000)::float8 as at
       from ${quoteIdent(c.schema)}.ticket_events where type = 'CALL'`,
    ))
      callAt.set(e.ticket_id, Number(e.at));
  }
  const eventToAck: number[] = [];
  const eventToRow: number[] = [];
  const ackToRow: number[] = [];
  const rowToArrival: number[] = [];
  const firstArrival = new Map<string, number>();
  for (const a of run)
    if (a.trigger === "CALLED" && !firstArrival.has(a.ticketId)) firstArrival.set(a.ticketId, a.at);
  for (const r of rows) {
    const ticketId = r.key.split(":")[1]!;
    const ack = acked.get(ticketId);
    const arrived = firstArrival.get(ticketId);
    if (ack !== undefined) ackToRow.push(Number(r.created) - ack);
    const at = callAt.get(ticketId);
    if (at !== undefined) eventToRow.push(Number(r.created) - at);
    if (at !== undefined && ack !== undefined) eventToAck.push(ack - at);
    if (arrived !== undefined) rowToArrival.push(arrived - Number(r.created));
  }
  return {
    call_event_to_ack: spread(eventToAck),
    call_event_to_outbox_row: spread(eventToRow),
    ack_to_outbox_row: spread(ackToRow),
    outbox_row_to_transport: spread(rowToArrival),
  };
}

const triggerOfText = (text: string): Trigger =>
  text.includes("it is your turn") ? "CALLED" : text.includes("nearly up") ? "NEARLY_UP" : "OTHER";

/** A phone as the SMS gateway gets it: digits only. */
export const digits = (p: string) => p.replace(/\D/g, "");

/**
 * The SMS gateway, Telegram Bot API and push service fakes on loopback, each arrival timed here
 * (Date.now, wall clock, comparable with the database's timestamps on the same machine) and
 * tied to its ticket by the phone, chat or subscription the scenario registers in `byPhone`,
 * `byChat`, `bySub`.
 */
export async function startNotifyFakes() {
  const arrivals: Arrival[] = [];
  const byPhone = new Map<string, string>();
  const byChat = new Map<string, string>();
  const bySub = new Map<string, string>();
  const unknown = { count: 0 };
  const arrive = (ticketId: string | undefined, channel: Channel, text: string) => {
    const at = Date.now();
    if (!ticketId) return void unknown.count++;
    arrivals.push({ ticketId, channel, trigger: triggerOfText(text), at });
  };
  const creds = { email: "bench@sms.test", password: "sms-secret" };
  const sms = await startFakeSmsGateway(creds, {
    onSend: (m) => arrive(byPhone.get(digits(m.mobile_phone)), "sms", m.message),
  });
  const botToken = `42:${randomBytes(12).toString("hex")}`;
  const telegram = await startFakeTelegramApi({ token: botToken, username: "equeue_bench_bot" });
  // The Telegram fake keeps `sent` and `sentAt` in step; read them as they grow.
  let tgSeen = 0;
  const tgTimer = setInterval(() => {
    for (; tgSeen < telegram.sent.length; tgSeen++) {
      const s = telegram.sent[tgSeen]!;
      const at = telegram.sentAt[tgSeen]!.at;
      const ticketId = byChat.get(s.chat_id);
      if (!ticketId) unknown.count++;
      else arrivals.push({ ticketId, channel: "telegram", trigger: triggerOfText(s.text), at });
    }
  }, 50);
  const push = await startFakePushService({
    onPush: (p: ReceivedPush) =>
      arrive(bySub.get(p.id), "push", (JSON.parse(p.text) as { body: string }).body),
  });
  const close = async () => {
    clearInterval(tgTimer);
    await Promise.all([sms.close(), telegram.close(), push.close()]);
  };
  return { arrivals, byPhone, byChat, bySub, unknown, sms, telegram, push, creds, botToken, close };
}
