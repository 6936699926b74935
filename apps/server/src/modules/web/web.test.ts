import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installErrorHandling } from "../../shared/http/error-handler";
import { registerWeb } from "./web";

const JS = `export const hello = "${"queue ".repeat(400)}";\n`;
const page = (face: string) =>
  `<!doctype html><html><head><title>${face}</title></head><body></body></html>`;

/** A build as Vite and the precompress plugin leave it: one page per face, a hashed asset. */
function fakeDist(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "eq-web-"));
  for (const face of ["index", "staff", "kiosk", "board"])
    fs.writeFileSync(path.join(dist, `${face}.html`), page(face));
  fs.mkdirSync(path.join(dist, "assets"));
  const asset = path.join(dist, "assets/portal-AbC123.js");
  fs.writeFileSync(asset, JS);
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(JS));
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(JS));
  fs.writeFileSync(path.join(dist, "robots.txt"), "User-agent: *\n");
  return dist;
}

describe("web delivery", () => {
  let app: FastifyInstance;
  let dist: string;
  beforeAll(async () => {
    dist = fakeDist();
    app = Fastify();
    installErrorHandling(app);
    app.get("/api/c/:slug/info", async () => ({ ok: true }));
    await registerWeb(app, { baseDomain: "e-queue.test", distDir: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const asset = (acceptEncoding?: string) =>
    app.inject({
      url: "/assets/portal-AbC123.js",
      headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {},
    });

  it("sends a hashed asset as brotli, else gzip, else plain — cached for a year", async () => {
    const br = await asset("gzip, deflate, br");
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(JS);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["vary"]).toContain("accept-encoding");
    expect(br.headers["content-type"]).toContain("javascript");

    const gz = await asset("gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(JS);
    expect(gz.headers["cache-control"]).toContain("immutable");

    const plain = await asset();
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(JS);
    expect(plain.headers["vary"]).toContain("accept-encoding");
  });

  it("revalidates files that are not hashed", async () => {
    const res = await app.inject({ url: "/robots.txt" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
  });

  it.each([
    ["/", "index"],
    ["/c/hamkorbank/t/abc.def", "index"],
    ["/no/such/page", "index"],
    ["/admin", "staff"],
    ["/admin/companies/5", "staff"],
    ["/c/hamkorbank/admin/branches", "staff"],
    ["/c/hamkorbank/operator", "staff"],
    ["/k/hamkorbank/toshkent", "kiosk"],
    ["/d/hamkorbank/toshkent?x=1", "board"],
  ])("answers %s with the %s page, revalidated", async (url, face) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toBe(page(face));
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["etag"]).toBeTruthy();
    const head = await app.inject({ method: "HEAD", url });
    expect(head.statusCode).toBe(200);
    expect(head.headers["cache-control"]).toBe("no-cache");
    expect(head.body).toBe("");
    const again = await app.inject({ url, headers: { "if-none-match": res.headers["etag"] } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });

  it("on a company's subdomain, tells the page its company and routes by the host's paths", async () => {
    const host = { host: "hamkorbank.e-queue.test" };
    const operator = await app.inject({ url: "/operator", headers: host });
    expect(operator.body).toContain('<meta name="eq-company" content="hamkorbank">');
    expect(operator.body).toContain("<title>staff</title>");
    const ticket = await app.inject({ url: "/t/abc.def", headers: host });
    expect(ticket.body).toContain("<title>index</title>");
    expect(ticket.body).toContain('content="hamkorbank"');
    // Not the platform's page: the ETag differs from the same page without the meta tag.
    const plain = await app.inject({ url: "/t/abc.def" });
    expect(plain.headers["etag"]).not.toBe(ticket.headers["etag"]);
  });

  it("does not serve the HTML files or the build manifest as static files", async () => {
    const staff = await app.inject({ url: "/staff.html", headers: { host: "e-queue.test" } });
    expect(staff.body).toBe(page("index"));
    const api = await app.inject({ url: "/api/nothing" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("NOT_FOUND");
  });

  it("refuses an API address with a part over 100 characters as too long, though the static wildcard could take it", async () => {
    const long = await app.inject({ url: `/api/c/${"a".repeat(129)}/info` });
    expect(long.statusCode).toBe(414);
    expect(long.json().error.code).toBe("URI_TOO_LONG");
    // Counted once decoded, as the router counts: 40 escaped letters are 40 characters.
    const escaped = await app.inject({ url: `/api/c/${"%61".repeat(40)}/info` });
    expect(escaped.statusCode).toBe(200);
    // A page address is the web app's business: its own "not found" screen.
    const page = await app.inject({ url: `/t/${"a".repeat(129)}` });
    expect(page.statusCode).toBe(200);
  });
});
