import { isApiError, issueMessage } from "../../../lib/api/api-error";

/** Field problems of a failed save keyed by their full dotted path ("name.uz", "weeklyHours.1.close"). */
export function pathErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const issue of error.details) {
    const path = issue.path.replace(/\//g, ".").replace(/^body\.?/, "");
    if (!(path in out)) out[path] = issueMessage(error.code, issue);
  }
  return out;
}

/** The entries under `prefix.`, with the prefix removed: `within(e, "weeklyHours")` → { "1.close": … }. */
export function within(errors: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}

/** Messages whose path no field on the form shows, to list above the form. */
export function unshown(
  errors: Record<string, string>,
  shown: (path: string) => boolean,
): string[] {
  return Object.entries(errors)
    .filter(([path]) => !shown(path))
    .map(([path, message]) => (path ? `${path}: ${message}` : message));
}
