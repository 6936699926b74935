import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { retryReadsOnDroppedConnection } from "./read-retry";

describe("reads re-run after a dropped connection", () => {
  it("hands back a reply the handler returns itself (GET and HEAD), not only promises", async () => {
    const app = Fastify();
    retryReadsOnDroppedConnection(app);
    app.get("/page", (_request, reply) => reply.type("text/html").send("<p>hi</p>"));
    for (const method of ["GET", "HEAD"] as const) {
      const res = await app.inject({ method, url: "/page" });
      expect(res.statusCode, method).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
    }
    await app.close();
  });

  it("runs a read again when the database connection dropped, and only then", async () => {
    const app = Fastify();
    retryReadsOnDroppedConnection(app);
    let calls = 0;
    app.get("/flaky", async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error("terminating connection"), { code: "57P01" });
      return { calls };
    });
    let broken = 0;
    app.get("/broken", async () => {
      broken++;
      throw new Error("a bug, not an outage");
    });
    expect((await app.inject({ method: "GET", url: "/flaky" })).json()).toEqual({ calls: 2 });
    expect((await app.inject({ method: "GET", url: "/broken" })).statusCode).toBe(500);
    expect(broken).toBe(1);
    await app.close();
  });
});
