import { randomBytes, randomUUID } from "node:crypto";
import { TICKET_ACTION, TICKET_TOKEN_BYTES, createTicketToken } from "@equeue/core";
import { AppError, notFound } from "../../../shared/app-error";
import type { CompanyRecord } from "../../tenancy";
import { nameOf } from "./issue-ticket.command";
import { queueRefusal } from "../queue-errors";
import { runQueueTransaction, type QueueDeps, type QueueTx } from "./queue-transaction";
import { TICKET_EVENT, type TicketView } from "../queue.types";
import type { StaffWorkplace } from "../staff-workplace";
import { applyTransition, ticketFact } from "./ticket-transition";
import { insertTicketWithEvent, lockTicket } from "../sql/ticket.sql";

export type TransferInput = { serviceId?: string; operatorId?: string; note?: string | null };

/**
 * Hands the customer on to another service or operator. The ticket becomes TRANSFERRED and a
 * new WAITING ticket continues it: the SAME printed number (the customer keeps the paper and
 * the board calls the number they hold), the original queue time and a raised priority (from
 * core), and `transferred_from` pointing back, so tracking by the original token follows it.
 */
export async function transferTicket(
  deps: QueueDeps,
  company: CompanyRecord,
  scope: StaffWorkplace,
  ticketId: string,
  input: TransferInput,
  opts: { now?: Date } = {},
): Promise<{ from: TicketView; to: TicketView }> {
  const session = scope.session;
  if (!session) throw queueRefusal.noSession();
  const now = opts.now ?? new Date();
  return runQueueTransaction(deps, company, async (tx) => {
    const locked = await lockTicket(tx.db, ticketId, [session.branchId]);
    if (!locked) throw notFound("The ticket");
    if (locked.operator_id !== scope.staffId) throw queueRefusal.notYourTicket(locked.label);
    const serviceId = input.serviceId ?? locked.service_id;
    const targetService = await checkTargetService(tx, locked.branch_id, serviceId);
    if (input.operatorId === scope.staffId) {
      // It would only put the same customer in this operator's own line a second time.
      throw new AppError(
        "INVALID_TRANSFER_TARGET",
        `${locked.label} is already yours; choose a colleague, or transfer it to a service without choosing an operator.`,
      );
    }
    if (input.operatorId)
      await checkTargetOperator(tx, locked.branch_id, input.operatorId, serviceId);
    const note = input.note ?? null;
    const actor = { staffId: scope.staffId, counterId: session.counterId };
    // The successor's id is known up front so the TRANSFER event can point at it.
    const nextId = randomUUID();
    const operatorId = input.operatorId ?? null;
    const { row, result } = await applyTransition(tx, locked, TICKET_ACTION.TRANSFER, {
      ctx: { now, transferTo: { serviceId, ...(operatorId && { operatorId }) } },
      actor,
      data: { toTicketId: nextId, serviceId, operatorId, note },
    });
    const draft = result.transferred!;
    const next = await insertTicketWithEvent(
      tx.db,
      tx.schema,
      {
        id: nextId,
        branch_id: locked.branch_id,
        service_id: draft.serviceId,
        day: locked.day,
        series: locked.series,
        number: locked.number,
        label: locked.label,
        source: locked.source,
        status: draft.status,
        priority: draft.priority,
        queued_at: draft.queuedAt ?? now,
        appointment_at: locked.appointment_at,
        customer_name: locked.customer_name,
        customer_phone: locked.customer_phone,
        language: locked.language,
        token: createTicketToken(randomBytes(TICKET_TOKEN_BYTES)),
        preferred_operator_id: draft.operatorId,
        transferred_from: locked.id,
        created_at: now,
        updated_at: now,
      },
      { at: now, type: TICKET_EVENT.TRANSFER_IN, actor, data: { fromTicketId: locked.id, note } },
    );
    const from = {
      ...row,
      service_name: locked.service_name,
      counter_number: locked.counter_number,
    };
    const to = { ...next, service_name: targetService.name, counter_number: null };
    tx.facts.push(ticketFact(from, TICKET_ACTION.TRANSFER, locked.status, now));
    tx.facts.push(ticketFact(to, TICKET_EVENT.TRANSFER_IN, null, now));
    return { from, to };
  });
}

async function checkTargetService(tx: QueueTx, branchId: string, serviceId: string) {
  const service = await tx.db
    .selectFrom("services as s")
    .leftJoin("branch_services as bs", (join) =>
      join.onRef("bs.service_id", "=", "s.id").on("bs.branch_id", "=", branchId),
    )
    .select(["s.id", "s.name", "s.is_active", "bs.enabled"])
    .where("s.id", "=", serviceId)
    .executeTakeFirst();
  if (!service) throw notFound("The service");
  if (!service.is_active || !service.enabled) {
    throw new AppError(
      "SERVICE_NOT_OFFERED",
      `"${nameOf(service.name)}" is not offered at this branch; choose another service.`,
    );
  }
  return service;
}

async function checkTargetOperator(
  tx: QueueTx,
  branchId: string,
  operatorId: string,
  serviceId: string,
): Promise<void> {
  const staff = await tx.db
    .selectFrom("staff as s")
    .leftJoin("operator_status as o", "o.staff_id", "s.id")
    .leftJoin("staff_services as ss", (join) =>
      join.onRef("ss.staff_id", "=", "s.id").on("ss.service_id", "=", serviceId),
    )
    .select([
      "s.name",
      "s.is_active",
      "s.branch_id",
      "o.branch_id as session_branch",
      "ss.service_id",
    ])
    .where("s.id", "=", operatorId)
    .executeTakeFirst();
  const atBranch = staff && (staff.branch_id === branchId || staff.session_branch === branchId);
  if (!staff || !staff.is_active || !atBranch) throw notFound("The operator");
  if (!staff.service_id) {
    throw new AppError(
      "INVALID_TRANSFER_TARGET",
      `${staff.name} does not handle that service; choose another operator or service.`,
    );
  }
}
