import { auditEn } from "../../lib/i18n/audit/en";
import { auditRu } from "../../lib/i18n/audit/ru";
import type { AuditLabels } from "../../lib/i18n/audit/types";
import { auditUz } from "../../lib/i18n/audit/uz";
import { treeToCyrillic } from "../../lib/i18n/cyrillic";

export const AUDIT_LABELS: Record<"uz" | "uz-Cyrl" | "ru" | "en", AuditLabels> = {
  uz: auditUz,
  "uz-Cyrl": treeToCyrillic(auditUz),
  ru: auditRu,
  en: auditEn,
};

const labelsOf = (lang: string): AuditLabels =>
  AUDIT_LABELS[lang as keyof typeof AUDIT_LABELS] ?? AUDIT_LABELS.uz;

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const lookup = (table: Record<string, string>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * A code the panel does not know yet (a newer server): its area in words and the rest as
 * plain words, e.g. "branch.schedule.set" → "Filial: schedule set", never a crash.
 */
function readable(code: string, labels: AuditLabels): string {
  const [area = "", ...rest] = code.split(".");
  const words = rest.join(" ").replace(/[-_]+/g, " ").trim();
  const head = lookup(labels.target, area) ?? area.replace(/[-_]+/g, " ");
  return upperFirst(words ? `${head}: ${words}` : head);
}

/** What an audit entry did, as a short phrase in `lang`. */
export function auditActionLabel(code: string, lang: string): string {
  const labels = labelsOf(lang);
  return lookup(labels.action, code) ?? readable(code, labels);
}

/** Who acted (SUPER_ADMIN, COMPANY_USER, SYSTEM), in words. */
export function auditActorLabel(type: string, lang: string): string {
  const labels = labelsOf(lang);
  return lookup(labels.actor, type) ?? type.toLowerCase().replace(/_+/g, " ");
}

/** What the entry is about (company, branch, …), in words. */
export function auditTargetLabel(type: string, lang: string): string {
  return lookup(labelsOf(lang).target, type) ?? type.replace(/[-_]+/g, " ");
}
