import type { DetailCode } from "@equeue/contracts";
import { ApiError, type FieldIssue } from "./api-error";

export type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
  /** Extra headers, e.g. `authorization: Device …` for a paired kiosk or board. */
  headers?: Record<string, string>;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function parseIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  const issues: FieldIssue[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const rawPath = item.path;
    const path = Array.isArray(rawPath) ? rawPath.join(".") : String(rawPath ?? "");
    const issue: FieldIssue = { path, message: String(item.message ?? "") };
    // An unknown code is kept: `issueMessage` falls back to the message when it has no text.
    if (typeof item.code === "string") issue.code = item.code as DetailCode;
    if (isRecord(item.params)) {
      const { min, max } = item.params;
      issue.params = {
        ...(typeof min === "number" && { min }),
        ...(typeof max === "number" && { max }),
      };
    }
    issues.push(issue);
  }
  return issues;
}

/** The ApiError of a refused response, from its error body (or its status line). */
export async function toApiError(res: Response): Promise<ApiError> {
  const retryHeader = res.headers.get("retry-after");
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON (proxy error page, network middlebox): fall back to the status line.
  }
  const err = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  if (err) {
    return new ApiError(
      res.status,
      String(err.code ?? "HTTP_" + res.status),
      String(err.message ?? res.statusText),
      parseIssues(err.details),
      retryAfter,
    );
  }
  const code = res.status >= 500 ? "INTERNAL" : "HTTP_" + res.status;
  return new ApiError(res.status, code, res.statusText || "Request failed", [], retryAfter);
}

/** Raw fetch against the API: adds JSON/FormData body, bearer token and cookies. */
export async function send(url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  Object.assign(headers, options.headers);
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? "GET",
      headers,
      body,
      credentials: "include",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK", "The server cannot be reached.");
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

/** JSON request; 204 answers resolve to `undefined`. */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(url, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Query string from defined, non-empty values. */
export function toQuery(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
