import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

const safe = /^[A-Za-z0-9._-]{8,100}$/;

/** Keeps a caller's x-request-id when it looks sane, so logs line up across a proxy. */
export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && safe.test(incoming) ? incoming : randomUUID();
}
