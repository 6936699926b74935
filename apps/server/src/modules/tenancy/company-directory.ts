import type { Selectable } from "kysely";
import { affineDb } from "../../db/company-affinity";
import type { Db } from "../../db/database";
import type { CompaniesTable } from "../../db/tables";

export type CompanyRecord = Selectable<CompaniesTable>;

const TTL_MS = 5_000;

/**
 * Looks companies up by slug for every company-realm request. A short cache keeps this off the
 * database on the hot path; changes made in this process invalidate it at once, other nodes
 * within TTL_MS.
 */
export class CompanyDirectory {
  private readonly cache = new Map<string, { at: number; company: CompanyRecord | null }>();

  constructor(private readonly db: Db) {}

  async findBySlug(slug: string): Promise<CompanyRecord | null> {
    const hit = this.cache.get(slug);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.company;
    const company =
      (await this.db
        .selectFrom("platform.companies")
        .selectAll()
        .where("slug", "=", slug)
        .executeTakeFirst()) ?? null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(slug, { at: Date.now(), company });
    return company;
  }

  invalidate(slug: string) {
    this.cache.delete(slug);
  }
}

/** The query handle feature code uses for one company's tables; it never builds schema names. */
export const companyDb = (db: Db, company: Pick<CompanyRecord, "schema_name">) =>
  affineDb(db, company.schema_name).withSchema(company.schema_name);
