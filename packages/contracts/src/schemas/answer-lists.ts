import { z } from "zod";
import { TICKET_SOURCES } from "../ticket";
import { API_KEY_SCOPES, WEBHOOK_EVENTS } from "../integrations";
import { SCREEN_LANGUAGES } from "../language";
import { NOTIFICATION_TRIGGERS, TEMPLATE_PLACEHOLDERS } from "../notifications";
import { CHECKLIST_KEYS } from "../company";

/**
 * What one company may have at most: the server refuses to create more (INVALID_STATE), so every
 * list of them in an answer is bounded too. Generous: the largest bank has a few hundred
 * branches; a staff member's branch and service lists were already capped at these.
 */
export const COMPANY_CAPS = {
  branches: 500,
  services: 100,
  /** Counter numbers are 1–999, one of each per branch. */
  countersPerBranch: 999,
  devices: 2000,
  staff: 10_000,
  webhooks: 20,
} as const;

/** The longest each answer list can be, and why: a cap above, a constant list, a query's limit. */
export const LIST_MAX = {
  ...COMPANY_CAPS,
  /** A Super Admin's page (`pageSize` is 1–100). */
  page: 100,
  /** A staff member's services and branches (the inputs' bounds). */
  staffServices: 100,
  staffBranches: 500,
  breaks: 10,
  week: 7,
  /** A report's days (366 at most) and its weekday × hour heat map. */
  days: 366,
  heatmap: 7 * 24,
  /** 15-minute intervals of a local day, a daylight-saving day's 25 hours included. */
  intervals: 100,
  /** The wait and service time histograms' buckets (18 today). */
  histogram: 32,
  stars: 5,
  /** The newest rating comments a report shows, a webhook's newest deliveries. */
  comments: 50,
  deliveries: 100,
  /** A company's API keys, newest first (the list's limit). */
  apiKeys: 200,
  /** A branch's exceptions in the asked range: the earliest 1,000 days (one per day). */
  exceptions: 1000,
  /** The days an hours preview names (its `bookingsOutside` counts them all). */
  previewDays: 31,
  /** The booked times a staff check names (its `bookingsShort` counts them all). */
  previewSlots: 60,
  /** A waiting list's first tickets (its `total` counts them all). */
  waiting: 100,
  /** A customer's finished tickets shown, and the active and booked ones. */
  myTickets: 50,
  /** A board's most recent calls. */
  recentCalls: 8,
  /** Bookable times of up to 31 days, at most one every 5 minutes. */
  slots: 31 * 288,
  /** A kiosk's offline block: one range per series, 10 numbers each; a sync of up to 100. */
  offlineTokens: 10,
  offlineResults: 100,
  /** The provisioning steps of a company (each once; 6 today). */
  provisioningSteps: 20,
  /** The public directory of companies, the platform's failed provisionings, unread companies. */
  directory: 500,
  failures: 100,
  unreadCompanies: 100,
  /** Outgoing channels (SMS, e-mail, Telegram, push). */
  channels: 10,
  /** The platform figures' days (1–90). */
  figureDays: 90,
  sources: TICKET_SOURCES.length,
  scopes: API_KEY_SCOPES.length,
  events: WEBHOOK_EVENTS.length,
  languages: SCREEN_LANGUAGES.length,
  triggers: NOTIFICATION_TRIGGERS.length,
  placeholders: TEMPLATE_PLACEHOLDERS.length,
  checklist: CHECKLIST_KEYS.length,
} as const;

/** An answer list of at most `max` items. */
export const listOf = <T extends z.ZodType>(max: number, item: T) => z.array(item).max(max);
