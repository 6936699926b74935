import {
  NUMBER_SCHEME,
  type BranchInput,
  type CounterInput,
  type CredentialDelivery,
  type ExceptionInput,
  type I18nText,
  type ServiceInput,
  type StaffInput,
  STAFF_ROLES,
  type BranchDto,
  type AddedExceptionDto,
  type HoursPreviewDto,
  type StaffBookingsCheckDto,
  type UpdatedBranchDto,
  type UpdatedServiceDto,
  type SavedBranchServicesDto,
  type BranchExceptionDto,
  type BranchServiceDto,
  type BranchSettingsDto,
  type BranchStatus,
  type BrandingDto,
  type CounterDto,
  type CredentialsDto,
  type DeviceDto,
  type DeviceKind,
  type DeviceStatus,
  type ExceptionKind,
  type KioskSettings,
  type LateArrival,
  type NumberScheme,
  type OverviewDto,
  type PairingCodeDto,
  type ServiceAssignmentDto,
  type ServiceDto,
  type StaffDto,
  type StaffRole,
  type Wire,
} from "@equeue/contracts";

/** Shapes of the company set-up API (`/api/c/{slug}/admin/…`), as the server answers them. */

export type { I18nText };
export type I18nPartial = Partial<I18nText>;

export const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
/** ISO weekday: "1" is Monday, "7" Sunday. */
export type Weekday = (typeof WEEKDAYS)[number];
export type TimeRange = { start: string; end: string };
export type DayHours = { open: string; close: string; breaks: TimeRange[] };
/** A missing day is closed. */
export type WeeklyHours = Partial<Record<Weekday, DayHours>>;

export const NUMBER_SCHEMES = Object.values(NUMBER_SCHEME);
export type { NumberScheme };

export type BranchSettings = Wire<BranchSettingsDto>;

/** After the check-in window: a late customer joins as a walk-in, or the booking lapses. */
export type { LateArrival };

export type { BranchStatus };

export type Branch = Wire<BranchDto>;
/** A branch as its edit answers: with the bookings its new hours cancelled. */
export type UpdatedBranch = Wire<UpdatedBranchDto>;
export type HoursPreview = Wire<HoursPreviewDto>;
export type HoursChange = Partial<Pick<BranchInput, "weeklyHours" | "timeZone">>;

export type { ExceptionKind };

/** The bodies the panel sends: every editable field, as create and edit take them. */
export type { BranchInput, CounterInput, ExceptionInput, ServiceInput, StaffInput };

export type BranchException = Wire<BranchExceptionDto>;
export type AddedException = Wire<AddedExceptionDto>;

export type BranchService = Wire<BranchServiceDto>;
export type SavedBranchServices = Wire<SavedBranchServicesDto>;

/** A branch offering a service, as sent (the answer adds its bookings). */
export type Assignment = Omit<Wire<ServiceAssignmentDto>, "bookings">;

export type Service = Wire<ServiceDto>;
export type UpdatedService = Wire<UpdatedServiceDto>;

export type Counter = Wire<CounterDto>;

export { STAFF_ROLES, type StaffRole };

/** PASSWORD: a one-time password shown once in the panel; EMAIL: an invite by e-mail. */
export type Delivery = CredentialDelivery;

export type Staff = Wire<StaffDto>;
/** The booked times an edit of a staff member would leave short of operators. */
export type StaffBookingsCheck = Wire<StaffBookingsCheckDto>;
export type StaffChange = Partial<
  Pick<StaffInput, "role" | "branchId" | "serviceIds" | "weeklySchedule">
> & { active?: boolean };

export type Credentials = Wire<CredentialsDto>;

export type { DeviceKind, DeviceStatus, KioskSettings };

export type Device = Wire<DeviceDto>;

/** The code is in this answer only; the server keeps a hash. */
export type PairingCode = Wire<PairingCodeDto>;

export type Overview = Wire<OverviewDto>;

export type Branding = Wire<BrandingDto>;
