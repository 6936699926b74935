import i18n from "i18next";

export type FieldIssue = { path: string; message: string };

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

/**
 * A field problem in the screen's language: the text for the error's code and the field
 * (`errorFields.ALREADY_EXISTS.email`) when the web has one, else the server's own words.
 */
export function issueMessage(code: string, issue: FieldIssue): string {
  const key = `errorFields.${code}.${fieldOf(issue.path)}`;
  return i18n.exists(key) ? String(i18n.t(key as never)) : issue.message;
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
