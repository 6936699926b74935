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
export * from "./outbox";
export * from "./notifications";
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
  AddedExceptionDto,
  HoursPreviewDto,
  StaffBookingsCheckDto,
  UpdatedBranchDto,
  UpdatedServiceDto,
  SavedBranchServicesDto,
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
export type {
  CompanyDto,
  CompanyInput,
  CompanyPatch,
  ProvisioningFailureDto,
  ProvisioningStepDto,
} from "./schemas/companies";
export type { FloorDto, ReportDto, StaffingDto } from "./schemas/reports";
export type {
  KioskCheckInDto,
  KioskClosedReason,
  KioskServiceDto,
  KioskSnapshotDto,
  KioskTicketDto,
  OfflineBlockDto,
  OfflineSyncResultDto,
  WaitRangeDto,
} from "./schemas/kiosk";
export type {
  AuditEntryDto,
  OutboxDeliveryDto,
  OutboxMessageDto,
  OutboxPageDto,
  PlatformFiguresDto,
} from "./schemas/platform";
export type {
  ChannelsDto,
  ChannelsInput,
  ChannelsResponseDto,
  NotificationPreviewDto,
  NotificationSettingsDto,
  PushKeyDto,
  PushRemovedDto,
  PushSubscribedDto,
  TelegramAvailabilityDto,
  TelegramLinkDto,
  TicketChannelsDto,
} from "./schemas/notifications";
export type {
  AuthSessionDto,
  AuthUserDto,
  ChangePasswordInput,
  CompanyInfoDto,
  CustomerDto,
  CustomerSessionDto,
  LoginInput,
  SignInCodeDto,
} from "./schemas/auth";
export type {
  ApiKeyDto,
  CreateApiKeyInput,
  CreatedApiKeyDto,
  CreatedWebhookDto,
  CreateWebhookInput,
  UpdateWebhookInput,
  WebhookDeliveryDto,
  WebhookDto,
} from "./schemas/integrations";
export type { BranchInput, ExceptionInput } from "./schemas/branch-bodies";
export type {
  AssignmentInput,
  CounterInput,
  CredentialDelivery,
  ServiceInput,
  StaffInput,
} from "./schemas/setup-bodies";
