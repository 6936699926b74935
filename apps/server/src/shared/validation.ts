import type { z } from "zod";
import { AppError } from "./app-error";
import { detailsOfIssue, valueAt } from "./validation-details";

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
  const details = result.error.issues.flatMap((issue) =>
    detailsOfIssue(
      issue,
      [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
      valueAt(value, issue.path) === undefined,
    ),
  );
  throw new AppError("VALIDATION_FAILED", "Some fields are missing or not valid; see details.", {
    details,
  });
}
