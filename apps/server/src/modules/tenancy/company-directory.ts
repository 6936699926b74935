import type { Selectable } from "kysely";
import { affineDb } from "../../db/company-affinity";
import type { Db } from "../../db/database";
import { markPrepared } from "../../db/prepared";
import type { CompaniesTable } from "../../db/tables";

export type CompanyRecord = Selectable<CompaniesTable>;

const TTL_MS = 5_000;

/**
 * Looks companies up by slug for every company-realm request. A short cache keeps this off the
 * database on the hot path; changes made in this process invalidate it at once, other nodes
 * within TTL_MS. When an entry runs out, the requests that come meanwhile wait for one lookup
 * (ten operators of a company asked ten times at once), a prepared statement: the same text for
 * every company, so it keeps the connection's plan mode (`db/prepared.ts`).
 */
export class CompanyDirectory {
  private readonly cache = new Map<string, { at: number; company: CompanyRecord | null }>();
  private readonly pending = new Map<string, Promise<CompanyRecord | null>>();
  /** Bumped by `invalidate`, so that a lookup begun before a change does not cache its answer. */
  private generation = 0;

  constructor(private readonly db: Db) {}

  async findBySlug(slug: string): Promise<CompanyRecord | null> {
    const hit = this.cache.get(slug);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.company;
    const running = this.pending.get(slug);
    if (running) return running;
    const generation = this.generation;
    const lookup = this.db
      .executeQuery(
        markPrepared(
          this.db.selectFrom("platform.companies").selectAll().where("slug", "=", slug).compile(),
        ),
      )
      .then((r) => r.rows[0] ?? null)
      .then((company) => {
        if (generation === this.generation) {
          if (this.cache.size > 10_000) this.cache.clear();
          this.cache.set(slug, { at: Date.now(), company });
        }
        return company;
      })
      .finally(() => {
        if (this.pending.get(slug) === lookup) this.pending.delete(slug);
      });
    this.pending.set(slug, lookup);
    return lookup;
  }

  invalidate(slug: string) {
    this.generation++;
    this.cache.delete(slug);
    this.pending.delete(slug);
  }
}

/** The query handle feature code uses for one company's tables; it never builds schema names. */
export const companyDb = (db: Db, company: Pick<CompanyRecord, "schema_name">) =>
  affineDb(db, company.schema_name).withSchema(company.schema_name);
