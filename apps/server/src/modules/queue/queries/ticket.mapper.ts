import { SPEECH_LANG, spokenCall } from "@equeue/core";
import type { DisplayCallDto, StaffTicketDto } from "../http/queue-views.schema";
import type { TicketView } from "../queue.types";

/** The staff view of a ticket. */
export function toStaffTicket(t: TicketView): StaffTicketDto {
  return {
    id: t.id,
    label: t.label,
    status: t.status,
    source: t.source,
    branchId: t.branch_id,
    serviceId: t.service_id,
    serviceName: t.service_name,
    priority: t.priority,
    booked: t.appointment_at !== null,
    appointmentAt: t.appointment_at,
    queuedAt: t.queued_at,
    calledAt: t.called_at,
    startedAt: t.started_at,
    finishedAt: t.finished_at,
    counterNumber: t.counter_number,
    operatorId: t.operator_id,
    reservedForOperatorId: t.preferred_operator_id,
    recallCount: t.recall_count,
    customerName: t.customer_name,
    customerPhone: t.customer_phone,
    outcomeNote: t.outcome_note,
    transferredFrom: t.transferred_from,
    trackingToken: t.token,
  };
}

/** A call as the display board shows and announces it; null when there is no counter to show. */
export function toDisplayCall(
  t: Pick<
    TicketView,
    "id" | "label" | "called_at" | "counter_number" | "service_name" | "recall_count"
  >,
): DisplayCallDto | null {
  if (!t.called_at || !t.counter_number) return null;
  return {
    // Each call and recall is its own announcement: two in the same second are both shown.
    id: `${t.id}:${t.recall_count}:${t.called_at.getTime()}`,
    label: t.label,
    counterNumber: t.counter_number,
    serviceName: t.service_name,
    calledAt: t.called_at,
    recall: t.recall_count > 0,
    spoken: {
      uz: spokenCall(t.label, t.counter_number, SPEECH_LANG.UZ),
      ru: spokenCall(t.label, t.counter_number, SPEECH_LANG.RU),
    },
  };
}
