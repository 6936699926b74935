// The queue's answers are a contract with the web: defined once in @equeue/contracts.
export {
  branchDirectorySchema,
  displayCallSchema,
  displaySnapshotSchema,
  i18nTextSchema,
  operatorStatusSchema,
  sessionSchema,
  staffTicketSchema,
  trackingSchema,
  waitingCountSchema,
  workplaceSchema,
  type BranchDirectoryDto,
  type DisplayCallDto,
  type DisplaySnapshotDto,
  type StaffTicketDto,
  type TrackingDto,
  type WorkplaceDto,
} from "@equeue/contracts/schemas";
