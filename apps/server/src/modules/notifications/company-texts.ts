import type { Db } from "../../db/database";
import type { EventCompany } from "../events";
import type { CompanyQueryDb } from "../queue";
import type { CustomTemplates } from "./notification-texts";

/** The company's default language and its own texts. */
export type CompanyTexts = { language: string; templates: CustomTemplates };

export async function companyInfo(
  db: Db,
  companyDb: CompanyQueryDb,
  company: EventCompany,
): Promise<CompanyTexts> {
  const row = await db
    .selectFrom("platform.companies")
    .select(["default_language"])
    .where("id", "=", company.id)
    .executeTakeFirst();
  const settings = await companyDb
    .selectFrom("notification_settings")
    .select("templates")
    .executeTakeFirst();
  return { language: row?.default_language ?? "uz", templates: settings?.templates ?? {} };
}

/** How long a company's texts are kept without a change being heard of. */
export const COMPANY_TEXTS_TTL_MS = 5_000;

/**
 * Each company's language and texts, kept briefly for the notification runs: read afresh in
 * every run they were two of its round trips, and a run waits for each on a busy machine. A
 * change made through this process (the admin API, the Super Admin's edit of the company) drops
 * the company's entry at once; another node's change is seen within the TTL, as with the company
 * directory's.
 */
export class CompanyTextsCache {
  private readonly kept = new Map<string, { at: number; texts: CompanyTexts }>();
  /** Bumped by `invalidate`, so that a read begun before a change does not keep its answer. */
  private generation = 0;

  constructor(private readonly ttlMs = COMPANY_TEXTS_TTL_MS) {}

  async get(db: Db, companyDb: CompanyQueryDb, company: EventCompany): Promise<CompanyTexts> {
    const hit = this.kept.get(company.id);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.texts;
    const generation = this.generation;
    const texts = await companyInfo(db, companyDb, company);
    if (generation === this.generation) {
      if (this.kept.size > 10_000) this.kept.clear();
      this.kept.set(company.id, { at: Date.now(), texts });
    }
    return texts;
  }

  /** Forgets a company's texts (every company's, when none is named). */
  invalidate(companyId?: string): void {
    this.generation++;
    if (companyId === undefined) this.kept.clear();
    else this.kept.delete(companyId);
  }
}
