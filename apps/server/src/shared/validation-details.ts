import {
  codedPattern,
  isDetailCode,
  patternCode,
  type DetailCode,
  type ErrorDetail,
} from "@equeue/contracts";

export { codedPattern };

/** A zod issue as zod and fastify-type-provider-zod hand it over: its code, text and the rest. */
export type IssueLike = { readonly code: string; readonly message?: string | undefined };
type IssueFields = IssueLike & Record<string, unknown>;

const FORMAT_CODES: Record<string, DetailCode> = {
  email: "invalid_email",
  url: "invalid_url",
  uuid: "invalid_id",
  guid: "invalid_id",
  date: "invalid_date",
  datetime: "invalid_date",
  time: "invalid_time",
};

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function codeOf(
  issue: IssueFields,
  missing: boolean,
): [DetailCode, { min?: number; max?: number }?] {
  const min = num(issue.minimum);
  const max = num(issue.maximum);
  switch (issue.code) {
    case "invalid_type":
      return [missing ? "required" : "invalid_type"];
    case "too_small":
      if (issue.origin === "string") return min === 1 ? ["required"] : ["too_short", { min }];
      if (issue.origin === "array" || issue.origin === "set") return ["too_few", { min }];
      if (min === undefined) return ["invalid"];
      return ["too_small", { min: issue.inclusive === false ? min + 1 : min }];
    case "too_big":
      if (issue.origin === "string") return ["too_long", { max }];
      if (issue.origin === "array" || issue.origin === "set") return ["too_many", { max }];
      if (max === undefined) return ["invalid"];
      return ["too_big", { max: issue.inclusive === false ? max - 1 : max }];
    case "invalid_value":
      return ["invalid_choice"];
    case "invalid_format": {
      const format = String(issue.format ?? "");
      if (format === "regex") return [patternCode(issue.pattern) ?? "invalid_format"];
      return [FORMAT_CODES[format] ?? "invalid_format"];
    }
    case "custom": {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return [isDetailCode(code) ? code : "invalid"];
    }
    default:
      return ["invalid"];
  }
}

/**
 * The coded field problems of one zod issue at `path` (`prefix.a.b`): an unknown-keys issue
 * gives one per key. `missing` says whether the input has no value at the issue's path, which
 * turns "wrong type" into "required".
 */
export function detailsOfIssue(at: IssueLike, path: string, missing: boolean): ErrorDetail[] {
  const issue = at as IssueFields;
  if (issue.code === "unrecognized_keys" && Array.isArray(issue.keys) && issue.keys.length) {
    return issue.keys.map((k) => ({
      path: path ? `${path}.${String(k)}` : String(k),
      code: "unknown_field" as const,
      message: `Unknown field "${String(k)}": remove it.`,
    }));
  }
  const [code, bounds] = codeOf(issue, missing);
  const params = Object.fromEntries(
    Object.entries(bounds ?? {}).filter(([, v]) => v !== undefined),
  );
  return [
    {
      path,
      code,
      message: issue.message || "Invalid value",
      ...(Object.keys(params).length && { params }),
    },
  ];
}

/** The value at a path of segments inside `root`, or undefined when any step is missing. */
export function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let value = root;
  for (const seg of segments) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[seg];
  }
  return value;
}

/** An office phone as typed (may be empty): digits, spaces, brackets and dashes. */
export const OFFICE_PHONE = codedPattern(/^(\+?[0-9][0-9 ()-]{6,19})?$/, "invalid_phone");

/** A typed six-digit code (SMS sign-in, booking check-in, device pairing). */
export const SIX_DIGITS = codedPattern(/^\d{6}$/, "invalid_code");
