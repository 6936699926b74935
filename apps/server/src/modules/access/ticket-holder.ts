import { isTicketToken } from "@equeue/core";
import type { companyDb } from "../tenancy/company-directory";
import type { TicketHolderCaller } from "./caller";

type CompanyTables = ReturnType<typeof companyDb>;

/** The ticket a tracking token names, or undefined (an unknown or malformed token). */
export async function findTicketIdByToken(
  db: CompanyTables,
  token: string,
): Promise<string | undefined> {
  if (!isTicketToken(token)) return undefined;
  const row = await db
    .selectFrom("tickets")
    .select("id")
    .where("token", "=", token)
    .executeTakeFirst();
  return row?.id;
}

/** The holder of a tracking link, or null when the link names no ticket of this company. */
export async function findTicketHolder(
  db: CompanyTables,
  companyId: string,
  token: string,
): Promise<TicketHolderCaller | null> {
  const ticketId = await findTicketIdByToken(db, token);
  return ticketId ? { kind: "ticketHolder", companyId, ticketId } : null;
}
