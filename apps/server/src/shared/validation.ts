import type { z } from "zod";
import { AppError } from "./app-error";

/**
 * Validates a value that only a service can validate (its schema depends on stored data, such
 * as a device's kind), with the same 400 shape as a request schema; paths start at `prefix`.
 */
export function parseField<T extends z.ZodType>(
  schema: T,
  value: unknown,
  prefix: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const pathOf = (...parts: PropertyKey[]) =>
    [prefix, ...parts.map(String)].filter(Boolean).join(".");
  const details = result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((k) => ({
          path: pathOf(...issue.path, k),
          message: `Unknown field "${k}": remove it.`,
        }))
      : [{ path: pathOf(...issue.path), message: issue.message }],
  );
  throw new AppError("VALIDATION_FAILED", "Some fields are missing or not valid; see details.", {
    details,
  });
}
