import { Writable } from "node:stream";
import Fastify, { type FastifyBaseLogger } from "fastify";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { installErrorHandling } from "./error-handler";
import { MAX_PATH_PART, onFrameworkError } from "./framework-errors";
import { loggableUrl, QuietRequestLog } from "./request-log";

type Line = { level: number; msg: string };

// `slowMs`: a cold first request on a loaded machine can take long; only the slow test sets it low.
async function served(level: string, urls: string[], slowMs = 60_000): Promise<Line[]> {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split("\n").filter(Boolean))
        lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const app = Fastify({
    loggerInstance: pino({ level }, sink) as FastifyBaseLogger,
    logController: new QuietRequestLog((request) => request.url === "/api/health", slowMs),
    frameworkErrors: onFrameworkError,
    routerOptions: { maxParamLength: MAX_PATH_PART },
  });
  installErrorHandling(app);
  app.get("/api/health", async () => ({ ok: true }));
  app.get("/ok", async () => ({ ok: true }));
  app.get("/things/:id", async () => ({ ok: true }));
  app.post("/api/public/tickets/:token/channels", async () => {
    await new Promise((resolve) => setTimeout(resolve, 80));
    return { ok: true };
  });
  app.get("/slow", async () => {
    await new Promise((resolve) => setTimeout(resolve, 80));
    return { ok: true };
  });
  app.get("/boom", async () => {
    throw new Error("database on fire");
  });
  for (const url of urls)
    await app.inject(
      url.startsWith("/api/public/") ? { method: "POST", url, payload: {} } : { url },
    );
  await app.close();
  return lines;
}

const WARN = 40;
const ERROR = 50;

describe("request logs", () => {
  it("are quiet at info: nothing for a good or a refused request", async () => {
    const lines = await served("info", ["/ok", "/ok", "/nothing", "/api/health"]);
    expect(lines).toEqual([]);
    // Refused before routing (a path part over 100 characters: 414) is no different.
    const tooLong = await served("info", [`/things/${"a".repeat(129)}`]);
    expect(tooLong).toEqual([]);
  });

  it("still show a server error and a slow request at info", async () => {
    const lines = await served("info", ["/boom", "/slow"], 50);
    expect(lines.filter((l) => l.level === ERROR).map((l) => l.msg)).toContain(
      "request completed with a server error",
    );
    expect(lines.filter((l) => l.level === WARN).map((l) => l.msg)).toContain("slow request");
  });

  it("show every request at debug", async () => {
    const lines = await served("debug", ["/ok"]);
    expect(lines.map((l) => l.msg)).toEqual(["incoming request", "request completed"]);
  });

  it("never show a ticket's or a booking's token, which opens, cancels or mutes it", async () => {
    const token = "Zk3q9XbT0a_LmN-4pQrS7uVw";
    const lines = await served("debug", [`/api/public/tickets/${token}/channels?x=${token}`], 50);
    const text = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(text).not.toContain(token);
    expect(text).toContain("/api/public/tickets/***/channels");
    expect(loggableUrl(`/t/${token}`)).toBe("/t/***");
    expect(loggableUrl(`/api/c/acme/public/tickets/${token}/rating`)).toBe(
      "/api/c/acme/public/tickets/***/rating",
    );
    expect(loggableUrl(`/api/c/acme/portal/bookings/${token}/cancel`)).toBe(
      "/api/c/acme/portal/bookings/***/cancel",
    );
    // Staff paths name tickets by id, which opens nothing without a staff token: kept.
    expect(loggableUrl("/api/c/acme/queue/tickets/0b8f/start")).toBe(
      "/api/c/acme/queue/tickets/0b8f/start",
    );
  });
});
