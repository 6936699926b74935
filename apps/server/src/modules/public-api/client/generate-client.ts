/*
 * Turns the integrators' OpenAPI document (/api/v1/openapi.json) into a dependency-free
 * TypeScript client: one type per operation's input and answer, and one method per operationId
 * over `fetch`. No generator package is needed (none is installed): the document is small and
 * its schemas use a known subset (objects, arrays, enums, nullable, anyOf, $ref).
 */
type Json = Record<string, unknown>;
type Schema = Json & {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  additionalProperties?: boolean | Schema;
  description?: string;
};
type Parameter = { name: string; in: string; required?: boolean; schema: Schema };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};

const pascal = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
const indent = (text: string) => text.replace(/\n/g, "\n  ");

/** The TypeScript type a schema describes. */
export function typeOf(s: Schema | undefined, refs: Set<string>): string {
  if (!s) return "unknown";
  let t: string;
  if (s.$ref) {
    t = s.$ref.split("/").pop()!;
    refs.add(t);
  } else if (s.enum) t = s.enum.map((v) => JSON.stringify(v)).join(" | ");
  else if (s.anyOf || s.oneOf) t = (s.anyOf ?? s.oneOf)!.map((x) => typeOf(x, refs)).join(" | ");
  else if (s.allOf) t = s.allOf.map((x) => typeOf(x, refs)).join(" & ");
  else if (s.type === "string") t = "string";
  else if (s.type === "integer" || s.type === "number") t = "number";
  else if (s.type === "boolean") t = "boolean";
  else if (s.type === "array") t = `Array<${typeOf(s.items, refs)}>`;
  else if (s.type === "object" || s.properties) {
    const required = new Set(s.required ?? []);
    const lines = Object.entries(s.properties ?? {}).map(([k, v]) => {
      const doc = v.description ? `/** ${v.description.replace(/\*\//g, "*\\/")} */\n` : "";
      return `${doc}${key(k)}${required.has(k) ? "" : "?"}: ${typeOf(v, refs)};`;
    });
    t = lines.length ? `{\n  ${indent(lines.join("\n"))}\n}` : "Record<string, never>";
  } else t = "unknown";
  return s.nullable ? `${t} | null` : t;
}

const paramsType = (params: Parameter[], refs: Set<string>) =>
  params.length === 0
    ? null
    : `{\n  ${indent(
        params
          .map((p) => `${key(p.name)}${p.required ? "" : "?"}: ${typeOf(p.schema, refs)};`)
          .join("\n"),
      )}\n}`;

const RUNTIME = `
/** A refusal of the API, in its one error shape. */
export class EQueueApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.error.message);
  }
}

export type ClientOptions = {
  /** The platform's address, e.g. https://e-queue.uz */
  baseUrl: string;
  /** One of the company's API keys (eqk_…). */
  apiKey: string;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
};

async function send(
  o: ClientOptions,
  method: string,
  path: string,
  query: Record<string, unknown> | undefined,
  body: unknown,
): Promise<unknown> {
  const url = new URL(o.baseUrl.replace(/\\/$/, "") + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const res = await (o.fetch ?? fetch)(url, {
    method,
    headers: {
      authorization: \`Bearer \${o.apiKey}\`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  // The report also comes as CSV (format=csv): then its text.
  if (!/json/.test(res.headers.get("content-type") ?? "")) {
    if (!res.ok) throw new Error(\`E-Queue answered \${res.status}\`);
    return res.text();
  }
  const data: unknown = await res.json();
  if (!res.ok) throw new EQueueApiError(res.status, data as ErrorBody);
  return data;
}
`;

/** The client's source for the document `doc` (an OpenAPI 3.0 document of /api/v1). */
export function generateClient(doc: Json): string {
  const refs = new Set<string>();
  const types: string[] = [];
  const methods: string[] = [];
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const name = pascal(op.operationId);
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === "path");
      const query = params.filter((p) => p.in === "query");
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const ok = Object.entries(op.responses).find(([code]) => code.startsWith("2"));
      const answer = ok?.[1].content?.["application/json"]?.schema;
      const input: string[] = [];
      const pt = paramsType(pathParams, refs);
      const qt = paramsType(query, refs);
      if (pt) {
        input.push(`path: ${name}Path;`);
        types.push(`export type ${name}Path = ${pt};`);
      }
      if (qt) {
        const optional = query.every((p) => !p.required) ? "?" : "";
        input.push(`query${optional}: ${name}Query;`);
        types.push(`export type ${name}Query = ${qt};`);
      }
      // A body that may be left out (no input) is not asked for.
      if (body && op.requestBody?.required !== false) {
        input.push(`body: ${name}Body;`);
        types.push(`export type ${name}Body = ${typeOf(body, refs)};`);
      }
      types.push(`export type ${name}Response = ${typeOf(answer, refs)};`);
      const url = path.replace(
        /\{(\w+)\}/g,
        (_, p: string) => `\${encodeURIComponent(a.path.${p})}`,
      );
      const arg = input.length ? `a: { ${input.join(" ")} }` : "";
      const summary = [op.summary, op.description].filter(Boolean).join(". ");
      methods.push(
        `/** ${summary.replace(/\*\//g, "*\\/")} */\n` +
          `${op.operationId}: (${arg}) =>\n` +
          `  send(o, "${method.toUpperCase()}", \`${url}\`, ${qt ? "a.query" : "undefined"}, ${
            input.some((i) => i.startsWith("body")) ? "a.body" : "undefined"
          }) as Promise<${name}Response>,`,
      );
    }
  }
  const schemas = ((doc.components as Json)?.schemas ?? {}) as Record<string, Schema>;
  const named = [...refs]
    .filter((r) => r !== "Error")
    .map((r) => `export type ${r} = ${typeOf(schemas[r], refs)};`);
  const info = doc.info as { title: string; version: string };
  return [
    `// Generated from ${info.title} ${info.version} (/api/v1/openapi.json) by`,
    "// apps/server/scripts/v1-client.ts: do not edit; run `npm run gen:client`.",
    `export type ErrorBody = ${typeOf(schemas.Error, refs)};`,
    ...named,
    ...types,
    RUNTIME,
    "/** The public API of one company, with one of its API keys. */",
    "export function createEQueueClient(o: ClientOptions) {",
    `  return {\n    ${methods.map((m) => m.replace(/\n/g, "\n    ")).join("\n    ")}\n  };`,
    "}",
    "",
  ].join("\n");
}
