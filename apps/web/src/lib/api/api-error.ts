import type { DetailCode, DetailParams } from "@equeue/contracts";
import i18n from "i18next";

/** One field problem of an API error; `code` is the server's stable detail code, when it sent one. */
export type FieldIssue = {
  path: string;
  message: string;
  code?: DetailCode;
  params?: DetailParams;
};

/** An error answered by the API in its `{ error: { code, message, details? } }` shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldIssue[];
  /** Seconds from the `Retry-After` header, when the server sent one. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: FieldIssue[] = [],
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Field name of a detail path such as "slug", "body.slug" or "body/adminEmail". */
export function fieldOf(path: string): string {
  const parts = path.split(/[./]/).filter((p) => p !== "" && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? path;
}

// Codes whose text says less than the server's own English: an English screen keeps the latter.
const VAGUE: ReadonlySet<DetailCode> = new Set(["invalid", "invalid_format"]);

/**
 * A field problem in the screen's language: the text for the error's code and the field
 * (`errorFields.ALREADY_EXISTS.email`) when the web has one, else the text for the detail's own
 * code (`fieldIssues.tooShort`, the bound as `count`), else the server's own words.
 */
export function issueMessage(code: string, issue: FieldIssue): string {
  const key = `errorFields.${code}.${fieldOf(issue.path)}`;
  if (i18n.exists(key)) return String(i18n.t(key as never));
  const detail = issue.code;
  if (!detail) return issue.message;
  if (VAGUE.has(detail) && i18n.resolvedLanguage === "en" && issue.message) return issue.message;
  const name = detail.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  // The server may know a code this build does not (yet): its own words then.
  if (!i18n.exists(`fieldIssues.${name}`, { count: 1 })) return issue.message;
  const count = issue.params?.min ?? issue.params?.max;
  const options = count === undefined ? {} : { count, ...issue.params };
  return String(i18n.t(`fieldIssues.${name}` as never, options as never));
}

/** Field-level problems keyed by field name (first message wins), in the screen's language. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const issue of error.details) {
    const key = fieldOf(issue.path);
    if (!(key in out)) out[key] = issueMessage(error.code, issue);
  }
  return out;
}
