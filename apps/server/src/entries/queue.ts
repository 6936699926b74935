// `@equeue/server/queue`: the queue's commands and its event dispatch, called without HTTP by
// the benchmarks, plus what it takes to set a company up for them.
export { issueTicket } from "../modules/queue/commands/issue-ticket.command";
export { callNextTicket } from "../modules/queue/commands/call-next.command";
export {
  actOnTicket,
  type StaffTicketAction,
} from "../modules/queue/commands/ticket-actions.command";
export { EventDispatcher } from "../modules/events/event-dispatcher";
export { durableSubscribers } from "../modules/events/subscribers";
export type { CompanyRecord } from "../modules/tenancy/company-directory";
export { provisionCompany } from "../modules/provisioning/provision-company.command";
export { newDeviceToken } from "../modules/access";
export { hashPassword } from "../shared/passwords";
export { systemActor } from "../shared/actor";
