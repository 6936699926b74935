import type { ScreenLanguage } from "./language";

/** The two kinds of paired device: a ticket kiosk and a hall display board. */
export const DEVICE_KIND = { KIOSK: "KIOSK", DISPLAY: "DISPLAY" } as const;
export type DeviceKind = (typeof DEVICE_KIND)[keyof typeof DEVICE_KIND];
export const DEVICE_KINDS = Object.values(DEVICE_KIND) as [DeviceKind, ...DeviceKind[]];

/** PENDING: a code waits to be entered; EXPIRED: the code ran out before anyone entered it. */
export const DEVICE_STATUS = {
  PENDING: "PENDING",
  PAIRED: "PAIRED",
  EXPIRED: "EXPIRED",
  REVOKED: "REVOKED",
} as const;
export type DeviceStatus = (typeof DEVICE_STATUS)[keyof typeof DEVICE_STATUS];
export const DEVICE_STATUSES = Object.values(DEVICE_STATUS) as [DeviceStatus, ...DeviceStatus[]];

/** What a kiosk shows: services (a subset of the branch's; empty = all), languages, printing, idle reset. */
export type KioskSettings = {
  serviceIds: string[];
  languages: ScreenLanguage[];
  autoPrint: boolean;
  idleResetSeconds: number;
  /** Issue from a block of numbers reserved in advance while the server is unreachable. */
  offlineIssuing: boolean;
};

/** What a display board shows: languages, how many recent calls, spoken announcements. */
export type DisplaySettings = {
  languages: ScreenLanguage[];
  historySize: number;
  voice: boolean;
};

export type DeviceSettings = { KIOSK: KioskSettings; DISPLAY: DisplaySettings };

/** The settings of a new device, and of any key a stored device lacks. */
export const DEVICE_SETTINGS_DEFAULTS: { readonly [K in DeviceKind]: Readonly<DeviceSettings[K]> } =
  {
    KIOSK: {
      serviceIds: [],
      languages: ["uz", "ru", "en"],
      autoPrint: true,
      idleResetSeconds: 300,
      offlineIssuing: false,
    },
    DISPLAY: { languages: ["uz", "ru"], historySize: 6, voice: true },
  };

/** Bounds the server enforces and the admin panel offers. */
export const DEVICE_SETTINGS_LIMITS = {
  idleResetSeconds: { min: 30, max: 3600 },
  historySize: { min: 1, max: 20 },
} as const;
