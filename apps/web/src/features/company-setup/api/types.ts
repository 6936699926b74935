import {
  NUMBER_SCHEME,
  STAFF_ROLES,
  type BranchDto,
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

export type I18nText = { uz: string; ru?: string; en?: string };
export type I18nPartial = { uz?: string; ru?: string; en?: string };

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

export type BranchInput = {
  name: I18nText;
  slug: string;
  code: string;
  address: I18nPartial;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  timeZone: string;
  weeklyHours: WeeklyHours;
  settings: BranchSettings;
};

export type { ExceptionKind };

export type BranchException = Wire<BranchExceptionDto>;

export type ExceptionInput = {
  day: string;
  kind: ExceptionKind;
  opensAt?: string;
  closesAt?: string;
  note?: string;
};

export type BranchService = Wire<BranchServiceDto>;

export type Assignment = Wire<ServiceAssignmentDto>;

export type Service = Wire<ServiceDto>;

export type ServiceInput = {
  name: I18nText;
  description: I18nPartial;
  code?: string;
  letter: string;
  durationMinutes: number;
  priority: number;
  headStartSeconds: number;
  nearlyUpPosition: number;
  nearlyUpMinutes: number;
  targetWaitMinutes: number | null;
  onlineBooking: boolean;
  showOnKiosk: boolean;
  active: boolean;
};

export type Counter = Wire<CounterDto>;

export type CounterInput = { number: number; name: string | null; active?: boolean };

export { STAFF_ROLES, type StaffRole };

/** PASSWORD: a one-time password shown once in the panel; EMAIL: an invite by e-mail. */
export type Delivery = "PASSWORD" | "EMAIL";

export type Staff = Wire<StaffDto>;

export type StaffInput = {
  email: string;
  name: string;
  role: StaffRole;
  phone: string | null;
  branchId: string | null;
  counterId: string | null;
  serviceIds: string[];
  branchIds: string[];
  weeklySchedule: WeeklyHours;
};

export type Credentials = Wire<CredentialsDto>;

export type { DeviceKind, DeviceStatus, KioskSettings };

export type Device = Wire<DeviceDto>;

/** The code is in this answer only; the server keeps a hash. */
export type PairingCode = Wire<PairingCodeDto>;

export type Overview = Wire<OverviewDto>;

export type Branding = Wire<BrandingDto>;
