// The queue module's entry: what other modules may use.
export { branchOpenAt } from "./branch-hours";
export { checkInClosed, checkInRulesOf } from "./check-in-rules";
export { issueTicket } from "./commands/issue-ticket.command";
export { runQueueTransaction } from "./commands/queue-transaction";
export type { QueueDeps, QueueTx } from "./commands/queue-transaction";
export { applyTransition, ticketFact } from "./commands/ticket-transition";
export { i18nTextSchema } from "./http/queue-views.schema";
export type { TrackingDto } from "./http/queue-views.schema";
export { displaySnapshot, waitingCountsAcrossCompanies } from "./queries/display.query";
export type { CompanyBranches } from "./queries/display.query";
export { toDisplayCall, toStaffTicket } from "./queries/ticket.mapper";
export { atCounterView, locateTicket, trackingViews } from "./queries/tracking.query";
export { nearlyUpTickets } from "./queries/nearly-up.query";
export { workplaceState } from "./queries/workplace.query";
export { TICKET_EVENT } from "./queue.types";
export type {
  CompanyQueryDb,
  QueueFact,
  QueuePublisher,
  SlotClaim,
  SlotClaims,
  TicketView,
} from "./queue.types";
export { ticketLabelSql, updateTicketWithEvent } from "./sql/ticket.sql";
export type { IssueTarget } from "./sql/ticket.sql";
export { loadStaffWorkplace, workplaceBranchId } from "./staff-workplace";
export type { OpenCheck } from "./branch-hours";
export { isSecondPlaceForPhone, isUniqueViolationOf } from "./commands/queue-transaction";
export { trackingViewByToken } from "./queries/tracking.query";
export { etaCallsOf, recentCallsOf } from "./sql/recent-calls.sql";
export { insertTicketWithEvent } from "./sql/ticket.sql";
export { expireInBatches, type ExpiringTicket } from "./commands/expire-tickets";
export { lockTicket } from "./sql/ticket.sql";
export { cancelAsHolder, leaveQueue } from "./commands/holder-cancel.command";
export { cancelBookingsById } from "./commands/cancel-waiting.command";
