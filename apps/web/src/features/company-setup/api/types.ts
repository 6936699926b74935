import {
  STAFF_ROLES,
  type ChecklistKey,
  type CompanyStatus,
  type DeviceDto,
  type DeviceKind,
  type DeviceStatus,
  type KioskSettings,
  type PairingCodeDto,
  type StaffRole,
  type Wire,
} from "@equeue/contracts";
import { NUMBER_SCHEME, type LateArrival, type NumberScheme } from "@equeue/core";

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

export type BranchSettings = {
  numberScheme: NumberScheme;
  noShowGraceSeconds: number;
  dailyTicketLimit: number | null;
  bookingHorizonDays: number;
  /** At most this many online bookings per slot; null: every operator scheduled. */
  onlineCapPerSlot: number | null;
  keepOvernight: boolean;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
  lateArrival: LateArrival;
};

/** After the check-in window: a late customer joins as a walk-in, or the booking lapses. */
export type { LateArrival };

export type BranchStatus = "OPEN" | "CLOSED";

export type Branch = {
  id: string;
  slug: string;
  code: string;
  name: I18nText;
  address: I18nPartial;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  timeZone: string;
  status: BranchStatus;
  weeklyHours: WeeklyHours;
  settings: BranchSettings;
  createdAt: string;
  updatedAt: string;
};

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

export type ExceptionKind = "CLOSED" | "SHORT_DAY";

export type BranchException = {
  id: string;
  branchId: string;
  day: string;
  kind: ExceptionKind;
  opensAt: string | null;
  closesAt: string | null;
  note: string | null;
  createdAt: string;
};

export type ExceptionInput = {
  day: string;
  kind: ExceptionKind;
  opensAt?: string;
  closesAt?: string;
  note?: string;
};

export type BranchService = {
  serviceId: string;
  enabled: boolean;
  letter: string;
  name: I18nText;
  active: boolean;
};

export type Assignment = { branchId: string; enabled: boolean };

export type Service = {
  id: string;
  code: string;
  letter: string;
  name: I18nText;
  description: I18nPartial;
  durationMinutes: number;
  priority: number;
  headStartSeconds: number;
  nearlyUpPosition: number;
  nearlyUpMinutes: number;
  targetWaitMinutes: number | null;
  onlineBooking: boolean;
  showOnKiosk: boolean;
  active: boolean;
  branches: Assignment[];
  createdAt: string;
  updatedAt: string;
};

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

export type Counter = {
  id: string;
  branchId: string;
  number: number;
  name: string | null;
  active: boolean;
  createdAt: string;
};

export type CounterInput = { number: number; name: string | null; active?: boolean };

export { STAFF_ROLES, type StaffRole };

/** PASSWORD: a one-time password shown once in the panel; EMAIL: an invite by e-mail. */
export type Delivery = "PASSWORD" | "EMAIL";

export type Staff = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  branchId: string | null;
  counterId: string | null;
  serviceIds: string[];
  branchIds: string[];
  weeklySchedule: WeeklyHours;
  createdAt: string;
  updatedAt: string;
};

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

export type Credentials = {
  oneTimePassword: string | null;
  outboxId: string | null;
  expiresAt: string;
};

export type { DeviceKind, DeviceStatus, KioskSettings };

export type Device = Wire<DeviceDto>;

/** The code is in this answer only; the server keeps a hash. */
export type PairingCode = Wire<PairingCodeDto>;

export type Overview = {
  status: CompanyStatus;
  readyRequestedAt: string | null;
  activatedAt: string | null;
  counts: {
    branches: number;
    openBranches: number;
    services: number;
    activeServices: number;
    counters: number;
    operators: number;
    pairedDevices: number;
  };
  checklist: { key: ChecklistKey; done: boolean; required: boolean; message: string }[];
  canRequestActivation: boolean;
};

export type Branding = { name: string; logoUrl: string | null; primaryColor: string | null };
