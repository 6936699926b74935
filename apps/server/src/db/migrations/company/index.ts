import type { Migration } from "../migration";
import { companyInit } from "./0001-init";

/** Company schema migrations, in order. Append only; every company schema runs all of them. */
export const companyMigrations: Migration[] = [companyInit];

export const latestCompanyVersion = (list: Migration[] = companyMigrations) =>
  list.reduce((max, m) => Math.max(max, m.version), 0);
