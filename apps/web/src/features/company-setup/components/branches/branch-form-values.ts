import { slugify } from "../../../../lib/slugify";
import type { Branch, BranchInput, I18nPartial, LateArrival, NumberScheme } from "../../api/types";
import { defaultWeek, fromDraft, toDraft, type WeekDraft } from "../weekly-hours/week-draft";

export type BranchFormValues = {
  name: I18nPartial;
  slug: string;
  code: string;
  address: I18nPartial;
  latitude: string;
  longitude: string;
  phone: string;
  timeZone: string;
  hours: WeekDraft;
  numberScheme: NumberScheme;
  noShowGraceMinutes: string;
  dailyTicketLimit: string;
  bookingHorizonDays: string;
  onlineCapPerSlot: string;
  keepOvernight: boolean;
  checkInEarlyMinutes: string;
  checkInLateMinutes: string;
  lateArrival: LateArrival;
};

export const DEFAULT_TIME_ZONE = "Asia/Tashkent";

export function initialBranchValues(branch?: Branch): BranchFormValues {
  return {
    name: { ...(branch?.name ?? { uz: "" }) },
    slug: branch?.slug ?? "",
    code: branch?.code ?? "",
    address: { ...(branch?.address ?? {}) },
    latitude: branch?.latitude?.toString() ?? "",
    longitude: branch?.longitude?.toString() ?? "",
    phone: branch?.phone ?? "",
    timeZone: branch?.timeZone ?? DEFAULT_TIME_ZONE,
    hours: branch ? toDraft(branch.weeklyHours) : defaultWeek(),
    numberScheme: branch?.settings.numberScheme ?? "BY_SOURCE",
    noShowGraceMinutes: String(Math.round((branch?.settings.noShowGraceSeconds ?? 180) / 60)),
    dailyTicketLimit: branch?.settings.dailyTicketLimit?.toString() ?? "",
    bookingHorizonDays: String(branch?.settings.bookingHorizonDays ?? 14),
    onlineCapPerSlot: branch?.settings.onlineCapPerSlot?.toString() ?? "",
    keepOvernight: branch?.settings.keepOvernight ?? false,
    checkInEarlyMinutes: String(branch?.settings.checkInEarlyMinutes ?? 15),
    checkInLateMinutes: String(branch?.settings.checkInLateMinutes ?? 15),
    lateArrival: branch?.settings.lateArrival ?? "WALK_IN",
  };
}

/** "toshkent-filiali" from "Toshkent filiali"; the branch's part of kiosk links. */
export const suggestSlug = (name: string) => slugify(name).replace(/^-+/, "");

/** "TSH" from "Toshkent filiali": the first letter and the next two consonants. */
export function suggestCode(name: string): string {
  const letters = slugify(name)
    .replace(/[^a-z]/g, "")
    .toUpperCase();
  if (!letters) return "";
  const consonants = letters.slice(1).replace(/[AEIOUY]/g, "");
  return (letters[0] + consonants).slice(0, 3).padEnd(2, letters[1] ?? "X");
}

const num = (v: string) => (v.trim() === "" ? null : Number(v.replace(",", ".")));
const trimmed = (t: I18nPartial): I18nPartial =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v ?? "").trim()]));

/** The body of a create (or full edit) request. */
export function toBranchInput(v: BranchFormValues): BranchInput {
  const name = trimmed(v.name);
  return {
    name: { ...name, uz: name.uz ?? "" },
    slug: v.slug.trim(),
    code: v.code.trim().toUpperCase(),
    address: trimmed(v.address),
    latitude: num(v.latitude),
    longitude: num(v.longitude),
    phone: v.phone.trim() || null,
    timeZone: v.timeZone,
    weeklyHours: fromDraft(v.hours),
    settings: {
      numberScheme: v.numberScheme,
      noShowGraceSeconds: Math.round((num(v.noShowGraceMinutes) ?? 0) * 60),
      dailyTicketLimit: num(v.dailyTicketLimit),
      bookingHorizonDays: num(v.bookingHorizonDays) ?? 0,
      onlineCapPerSlot: num(v.onlineCapPerSlot),
      keepOvernight: v.keepOvernight,
      checkInEarlyMinutes: num(v.checkInEarlyMinutes) ?? 0,
      checkInLateMinutes: num(v.checkInLateMinutes) ?? 0,
      lateArrival: v.lateArrival,
    },
  };
}

/** Form field of a server path ("settings.noShowGraceSeconds" → "noShowGraceMinutes"). */
export function branchFieldOf(path: string): string {
  if (path.startsWith("settings.")) {
    const key = path.slice("settings.".length);
    return key === "noShowGraceSeconds" ? "noShowGraceMinutes" : key;
  }
  return path;
}

/** Common time zones first; the rest of the runtime's list after them. */
export function timeZoneOptions(): { common: string[]; other: string[] } {
  const common = [
    "Asia/Tashkent",
    "Asia/Samarkand",
    "Asia/Almaty",
    "Asia/Bishkek",
    "Asia/Dushanbe",
    "Asia/Ashgabat",
    "Europe/Moscow",
    "UTC",
  ];
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf("timeZone");
  } catch {
    all = [];
  }
  return { common, other: all.filter((z) => !common.includes(z)) };
}
