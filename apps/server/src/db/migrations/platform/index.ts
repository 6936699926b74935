import type { Migration } from "../migration";
import { platformInit } from "./0001-init";

/** Platform schema migrations, in order. Append only. */
export const platformMigrations: Migration[] = [platformInit];
