import { timingSafeEqual } from "node:crypto";
import type { Db } from "../../db/database";

export type SmsKeyword = "STOP" | "START";

/** The words customers reply with, in uz (Latin and Cyrillic), ru and en, folded to upper case. */
const WORDS: Record<string, SmsKeyword> = {
  STOP: "STOP",
  STOPP: "STOP",
  СТОП: "STOP",
  "TO'XTAT": "STOP",
  TOXTAT: "STOP",
  ТЎХТАТ: "STOP",
  START: "START",
  СТАРТ: "START",
};

/** STOP or START when the whole message is one of their words (case, spaces, "!" aside). */
export function keywordOf(message: string): SmsKeyword | null {
  const word = message
    .trim()
    .replace(/[ʻʼ‘’`]/g, "'")
    .replace(/[.!\s]+$/u, "")
    .toUpperCase();
  return WORDS[word] ?? null;
}

/** Whether the callback's secret is the configured one (compared in constant time). */
export function secretMatches(configured: string | undefined, given: string): boolean {
  if (!configured) return false;
  const a = Buffer.from(configured);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * STOP turns SMS off for the phone — on its customer account, created if the phone has none
 * (a message from the number proves it as an SMS code would) — so no ticket of that phone gets
 * an SMS again until START. Returns the phone's SMS setting now.
 */
export async function applyKeyword(db: Db, phone: string, keyword: SmsKeyword): Promise<boolean> {
  const smsOff = keyword === "STOP";
  await db
    .insertInto("platform.customers")
    .values({ phone, sms_off: smsOff })
    .onConflict((oc) => oc.column("phone").doUpdateSet({ sms_off: smsOff }))
    .execute();
  return smsOff;
}
