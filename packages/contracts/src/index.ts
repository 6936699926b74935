// The root entry carries no zod (the kiosk and board bundles import it): values here are plain
// constants and functions, and the DTO types come from ./schemas as types only.
export * from "./ticket";
export * from "./company";
export * from "./branch";
export * from "./error-code";
export * from "./error-detail";
export * from "./staff";
export * from "./device";
export * from "./language";
export * from "./audit-action";
export * from "./faces";
export * from "./realtime";
export * from "./integrations";
export type * from "./wire";
export type {
  BranchDirectoryDto,
  DisplayCallDto,
  DisplaySnapshotDto,
  SessionDto,
  StaffTicketDto,
  TrackingDto,
  WaitingCountDto,
  WaitingListDto,
  WorkplaceDto,
} from "./schemas/queue-views";
export type {
  DeviceDto,
  DeviceMeDto,
  DeviceViewDto,
  PairedDto,
  PairingCodeDto,
} from "./schemas/devices";
export type {
  BranchDto,
  BranchExceptionDto,
  BranchServiceDto,
  BranchSettingsDto,
  BrandingDto,
  ChecklistItemDto,
  CounterDto,
  CreatedStaffDto,
  CredentialsDto,
  OverviewDto,
  ReadyDto,
  ServiceAssignmentDto,
  ServiceDto,
  StaffDto,
  StaffProfileDto,
} from "./schemas/setup";
export type {
  DayOpeningDto,
  DirectoryCompanyDto,
  DirectoryDto,
  JoinedTicketDto,
  PortalBranchPageDto,
  PortalCompanyPageDto,
  PublicBranchDto,
  PublicCompanyDto,
  ServiceLineDto,
} from "./schemas/portal";
export type { BookingDto, SlotDto, SlotsDto } from "./schemas/booking";
export type { CancelledTicketDto, MyTicketDto, MyTicketsDto } from "./schemas/customer";
export type { CompanyDto, ProvisioningFailureDto, ProvisioningStepDto } from "./schemas/companies";
