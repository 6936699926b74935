import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";
import { enqueueEmail } from "../outbox";
import { companyDb, companyUrls, type PlatformAddress } from "../tenancy";

/** An endpoint the worker has just paused after repeated failures. */
export type PausedEndpoint = {
  companyId: string;
  url: string;
  failures: number;
  lastError: string;
};

/** How the worker tells a company that one of its endpoints was paused. */
export type PauseNotice = {
  /** Queues the notice in the transaction that pauses the endpoint; answers how many went. */
  queue: (trx: Kysely<Database>, endpoint: PausedEndpoint) => Promise<number>;
  /** After that transaction has committed (the outbox sends now, not at its next poll). */
  queued?: () => void;
};

type Lang = "uz" | "ru" | "en";
type Args = PausedEndpoint & { companyName: string; link: string };

const texts: Record<Lang, { subject: (a: Args) => string; body: (a: Args) => string }> = {
  uz: {
    subject: (a) => `${a.companyName}: vebxuk toʻxtatildi`,
    body: (a) =>
      `Assalomu alaykum!\n\n${a.url} manziliga xabarlar ketma-ket ${a.failures} marta yetkazilmadi, ` +
      `shuning uchun E-Queue bu vebxukni toʻxtatdi. Oxirgi xato: ${a.lastError}\n\n` +
      `Qabul qiluvchi tizimni tuzatib, vebxukni shu yerda qayta yoqing: ${a.link}\n` +
      `Qayta yoqilganda kutib turgan xabarlar yuboriladi.\n\nE-Queue`,
  },
  ru: {
    subject: (a) => `${a.companyName}: вебхук приостановлен`,
    body: (a) =>
      `Здравствуйте!\n\nДоставка на ${a.url} не удалась ${a.failures} раз подряд, ` +
      `поэтому E-Queue приостановил этот вебхук. Последняя ошибка: ${a.lastError}\n\n` +
      `Исправьте принимающую систему и возобновите вебхук здесь: ${a.link}\n` +
      `После возобновления ожидающие события будут отправлены.\n\nE-Queue`,
  },
  en: {
    subject: (a) => `${a.companyName}: a webhook was paused`,
    body: (a) =>
      `Hello,\n\nDeliveries to ${a.url} failed ${a.failures} times in a row, so E-Queue ` +
      `paused this webhook. The last error: ${a.lastError}\n\n` +
      `Fix the receiving system, then resume the webhook here: ${a.link}\n` +
      `Once resumed, the events that waited are sent.\n\nE-Queue`,
  },
};

/**
 * E-mails a company's active admins (or, with none, the address it was created with) once when
 * the worker pauses one of its endpoints: what failed, and where to resume it.
 */
export function pausedEndpointNotice(address: PlatformAddress, queued?: () => void): PauseNotice {
  return {
    queued,
    async queue(trx, endpoint) {
      const company = await trx
        .selectFrom("platform.companies")
        .select(["name", "slug", "schema_name", "admin_email", "default_language"])
        .where("id", "=", endpoint.companyId)
        .executeTakeFirst();
      if (!company) return 0;
      const admins = await companyDb(trx, company)
        .selectFrom("staff")
        .select("email")
        .where("role", "=", "COMPANY_ADMIN")
        .where("is_active", "=", true)
        .orderBy("created_at")
        .limit(20)
        .execute();
      const to = admins.length > 0 ? admins.map((a) => a.email) : [company.admin_email];
      const args = {
        ...endpoint,
        companyName: company.name,
        link: `${companyUrls(address, company.slug).admin}/webhooks`,
      };
      const t = texts[company.default_language];
      for (const email of to) {
        await enqueueEmail(trx, {
          to: email,
          companyId: endpoint.companyId,
          subject: t.subject(args),
          text: t.body(args),
        });
      }
      return to.length;
    },
  };
}
