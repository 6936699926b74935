import type { TestPlatform } from "../../testing";
import { companyDb, type CompanyRecord } from "../tenancy";

/** A company's outbox rows, oldest first. */
export const outboxOf = (p: TestPlatform, companyId: string) =>
  p.ctx.db
    .selectFrom("platform.outbox")
    .selectAll()
    .where("company_id", "=", companyId)
    .orderBy("created_at")
    .execute();

/** Replays the company's whole event log to the notifications subscriber (a crash before its cursor moved). */
export async function replay(p: TestPlatform, company: CompanyRecord) {
  await companyDb(p.ctx.db, company)
    .updateTable("event_cursors")
    .set({ last_id: 0, last_tx: "0" })
    .where("subscriber", "=", "notifications")
    .execute();
  await p.ctx.events.sweep();
  await p.ctx.events.idle();
}
