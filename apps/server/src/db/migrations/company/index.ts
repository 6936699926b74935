import type { Migration } from "../migration";
import { companyInit } from "./0001-init";
import { companySetup } from "./0002-setup";
import { companyQueue } from "./0003-queue";
import { companyQueueIntegrity } from "./0004-queue-integrity";
import { companyQueueDueIndex } from "./0005-queue-due-index";
import { companyOneTimePasswords } from "./0006-one-time-passwords";
import { companyDurableEvents } from "./0007-durable-events";
import { companyOnlinePlaces } from "./0008-online-places";
import { companyBookings } from "./0009-bookings";
import { companyRatings } from "./0010-ratings";
import { companyNotificationSettings } from "./0011-notification-settings";
import { companyOnlineCap } from "./0012-online-cap";
import { companyNotificationTemplates } from "./0013-notification-templates";
import { companyReportRollups } from "./0014-report-rollups";
import { companyReportDays } from "./0015-report-days";
import { companyQuotedWait } from "./0016-quoted-wait";
import { companyReportServiceDays } from "./0018-report-service-days";
import { companyReportDaysByDay } from "./0019-report-days-by-day";
import { companyApiSource } from "./0020-api-source";
import { companyReportMonths } from "./0021-report-months";
import { companyUzbekCyrillicLanguage } from "./0022-uzbek-cyrillic-language";
import { companyOnePlacePerPhone } from "./0023-one-place-per-phone";

/** Company schema migrations, in order. Append only; every company schema runs all of them. */
export const companyMigrations: Migration[] = [
  companyInit,
  companySetup,
  companyQueue,
  companyQueueIntegrity,
  companyQueueDueIndex,
  companyOneTimePasswords,
  companyDurableEvents,
  companyOnlinePlaces,
  companyBookings,
  companyRatings,
  companyNotificationSettings,
  companyOnlineCap,
  companyNotificationTemplates,
  companyReportRollups,
  companyReportDays,
  companyQuotedWait,
  companyReportServiceDays,
  companyReportDaysByDay,
  companyApiSource,
  companyReportMonths,
  companyUzbekCyrillicLanguage,
  companyOnePlacePerPhone,
];

export const latestCompanyVersion = (list: Migration[] = companyMigrations) =>
  list.reduce((max, m) => Math.max(max, m.version), 0);
