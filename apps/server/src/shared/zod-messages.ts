import { z } from "zod";

/*
 * The English words of a field problem whose schema gives none of its own. Zod's defaults are
 * written for developers ("Invalid input: expected string, received undefined", "Too big:
 * expected number to be <=100"); the API promises a message a person can act on, beside the
 * detail's code. A schema's own message always wins over these.
 */

const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  date: "a date",
};

const kindOf = (input: unknown) =>
  input === null ? "null" : Array.isArray(input) ? "a list" : (KINDS[typeof input] ?? typeof input);

const FORMATS: Record<string, string> = {
  uuid: "This is not a valid id.",
  guid: "This is not a valid id.",
  email: "Write an e-mail address like name@example.com.",
  url: "Write a web address like https://example.com.",
  date: "Use a date like 2026-03-21.",
  datetime: "Use an ISO date-time like 2026-03-21T09:30:00+05:00.",
  time: "Use a time like 09:30.",
};

type Issue = {
  code: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: readonly unknown[];
  format?: string;
};

function plainMessage(issue: Issue): string | undefined {
  const { origin, inclusive } = issue;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "This field is required.";
      // 1.5 where a count is asked: a number, but not a whole one.
      if (issue.expected === "int" && typeof issue.input === "number")
        return "Use a whole number here, such as 2.";
      return `Use ${KINDS[issue.expected ?? ""] ?? issue.expected} here, not ${kindOf(issue.input)}.`;
    case "too_small": {
      const min = String(issue.minimum);
      if (origin === "string")
        return min === "1" ? "Fill this in." : `Use at least ${min} characters.`;
      if (origin === "array" || origin === "set") return `Send at least ${min}.`;
      return inclusive === false ? `Use a number above ${min}.` : `Use ${min} or more.`;
    }
    case "too_big": {
      // The bound every whole number has (2^53 − 1) is no bound a person can use.
      if (issue.maximum === Number.MAX_SAFE_INTEGER) return "This number is far too large.";
      const max = String(issue.maximum);
      if (origin === "string") return `Use at most ${max} characters.`;
      if (origin === "array" || origin === "set") return `Send at most ${max}.`;
      return inclusive === false ? `Use a number below ${max}.` : `Use ${max} or less.`;
    }
    case "invalid_value":
      return issue.values?.length
        ? `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`
        : undefined;
    case "invalid_format":
      return FORMATS[issue.format ?? ""];
    default:
      return undefined;
  }
}

/** Installs the plain messages for every schema the server parses (idempotent). */
export function usePlainFieldMessages(): void {
  z.config({ customError: (issue) => plainMessage(issue as Issue) });
}
