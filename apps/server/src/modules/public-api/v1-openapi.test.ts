import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";

type Json = Record<string, unknown>;

/**
 * The rules of Spectral's `spectral:oas` and OWASP API Top 10 rulesets that the integrators'
 * document must pass with no error, checked here on the generated document itself (so a new
 * operation without limits fails the suite, Spectral installed or not).
 */
function problemsOf(doc: Json): string[] {
  const problems: string[] = [];
  const components = doc.components as Json;
  const resolve = (s: Json): Json => {
    const ref = s.$ref as string | undefined;
    if (!ref) return s;
    const name = ref.split("/").pop()!;
    const kind = ref.split("/").at(-2)!;
    return resolve((components[kind] as Json)[name] as Json);
  };
  const walkSchema = (where: string, raw: Json) => {
    const s = resolve(raw);
    for (const key of ["anyOf", "oneOf", "allOf"] as const)
      for (const [i, sub] of ((s[key] as Json[]) ?? []).entries())
        walkSchema(`${where}/${key}${i}`, sub);
    switch (s.type) {
      case "string":
        if (s.maxLength === undefined && !s.enum && s.const === undefined)
          problems.push(`${where}: string without maxLength (owasp:api4:2019-string-limit)`);
        break;
      case "integer":
        if (s.format !== "int32" && s.format !== "int64")
          problems.push(`${where}: integer without format (owasp:api4:2019-integer-format)`);
        if (s.minimum === undefined || s.maximum === undefined)
          problems.push(`${where}: integer without bounds (owasp:api4:2019-integer-limit)`);
        break;
      case "array":
        if (s.maxItems === undefined)
          problems.push(`${where}: array without maxItems (owasp:api4:2019-array-limit)`);
        walkSchema(`${where}[]`, s.items as Json);
        break;
      case "object":
        if (s.additionalProperties !== false)
          problems.push(`${where}: object allows additional properties (owasp:api6:2019)`);
        for (const [k, v] of Object.entries((s.properties as Json) ?? {}))
          walkSchema(`${where}.${k}`, v as Json);
        break;
      default:
    }
  };
  const servers = (doc.servers as Json[]) ?? [];
  if (servers.length === 0 || servers.some((x) => !String(x.url).startsWith("https://")))
    problems.push("servers: not all HTTPS (owasp:api8:2019-security-hosts-https-oas3)");
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const at = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) problems.push(`${at}: no operationId (operation-operationId)`);
      if (!(op.tags as string[] | undefined)?.length) problems.push(`${at}: no tag`);
      if (!op.summary) problems.push(`${at}: no summary`);
      if (!(op.security as unknown[] | undefined)?.length)
        problems.push(`${at}: no security (owasp:api2:2019-protection-global)`);
      for (const p of (op.parameters as Json[]) ?? []) {
        if (/token|key|secret|password/i.test(String(p.name)))
          problems.push(`${at}: credential-like parameter ${String(p.name)}`);
        walkSchema(`${at} param ${String(p.name)}`, p.schema as Json);
      }
      const body = ((op.requestBody as Json)?.content as Json)?.["application/json"] as Json;
      if (body) walkSchema(`${at} body`, body.schema as Json);
      const responses = op.responses as Record<string, Json>;
      for (const code of ["400", "401", "403", "404", "409", "429", "500"])
        if (!responses[code]) problems.push(`${at}: no ${code} response`);
      for (const [code, r] of Object.entries(responses)) {
        const headers = (r.headers as Json) ?? {};
        if (/^[24]/.test(code) && !headers["X-RateLimit-Limit"])
          problems.push(`${at} ${code}: no rate-limit headers (owasp:api4:2019-rate-limit)`);
        if (code === "429" && !headers["Retry-After"])
          problems.push(`${at} 429: no Retry-After (owasp:api4:2019-rate-limit-retry-after)`);
        const schema = ((r.content as Json)?.["application/json"] as Json)?.schema as Json;
        if (schema) walkSchema(`${at} ${code}`, schema);
      }
    }
  }
  return problems;
}

describe("the integrators' OpenAPI document", () => {
  let p: TestPlatform;
  let doc: Json;
  beforeAll(async () => {
    p = await createTestPlatform();
    doc = (await p.app.inject({ url: "/api/v1/openapi.json" })).json();
  }, 240_000);
  afterAll(() => p.close());

  it("has every /api/v1 operation and nothing else, each with an operationId", () => {
    const ops = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const routes = p.app.routeTable
      .filter((r) => r.url.startsWith("/api/v1/") && !r.url.endsWith("openapi.json"))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, "{$1}")}`);
    expect(ops.sort()).toEqual(routes.sort());
  });

  it("passes the OAS and OWASP rules: limits, formats, closed objects, refusals, rate limits", () => {
    expect(problemsOf(doc)).toEqual([]);
  });

  it("the checker is not blind: an unbounded string, array and integer are reported", () => {
    const bad = structuredClone(doc);
    const op = Object.values(bad.paths as Record<string, Record<string, Json>>)[0]!.get as Json;
    const ok = (op.responses as Record<string, Json>)["200"]!;
    (ok.content as Json)["application/json"] = {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          s: { type: "string" },
          a: { type: "array", items: { type: "integer", minimum: 0, maximum: 1 } },
        },
      },
    };
    expect(problemsOf(bad)).toEqual([
      expect.stringContaining("string without maxLength"),
      expect.stringContaining("array without maxItems"),
      expect.stringContaining("integer without format"),
    ]);
  });
});
