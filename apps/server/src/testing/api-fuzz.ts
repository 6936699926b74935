// Hostile requests derived from the app's own OpenAPI document: for each operation, bodies,
// query strings and path values that are wrong in every way a careless or malicious client
// manages (wrong types, NUL and control characters, 100k strings, numbers JSON cannot hold,
// malformed JSON, wrong content types, over-long path segments). None of them is valid, so each
// must be refused with a 4xx and must not change anything.

export type JsonSchema = {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  maxLength?: number;
  maximum?: number;
  format?: string;
};

type Parameter = { in: "path" | "query" | "header"; name: string; schema?: JsonSchema };
type OpenApiOperation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

export type Operation = {
  method: string;
  path: string;
  pathParams: string[];
  query: Parameter[];
  body: JsonSchema | undefined;
  multipart: boolean;
};

export type Variant = {
  what: string;
  /** Path values to use instead of the real ids, already encoded. */
  pathValues?: Record<string, string>;
  /** Query string without the `?`, already encoded. */
  query?: string;
  payload?: string | Buffer;
  contentType?: string;
};

/** Every operation of the document, with what its hostile variants are derived from. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
        query: params.filter((p) => p.in === "query"),
        body: op.requestBody?.content?.["application/json"]?.schema,
        multipart: !!op.requestBody?.content?.["multipart/form-data"],
      });
    }
  }
  return ops;
}

/** The JSON types a schema admits, or null when it admits anything. */
function typesOf(schema: JsonSchema | undefined): Set<string> | null {
  if (!schema) return null;
  const union = schema.anyOf ?? schema.oneOf;
  let out: Set<string> | null;
  if (union) {
    out = new Set();
    for (const s of union) {
      const t = typesOf(s);
      if (!t) return null;
      t.forEach((x) => out!.add(x));
    }
  } else if (schema.enum || schema.const !== undefined) {
    const values = schema.enum ?? [schema.const];
    out = new Set(values.map((v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v)));
  } else if (schema.type) {
    out = new Set([schema.type].flat());
  } else if (schema.properties) {
    out = new Set(["object"]);
  } else {
    return null;
  }
  if (schema.nullable) out.add("null");
  if (out.has("integer")) out.add("number");
  return out.size ? out : null;
}

const WRONG_TYPE: [string, string][] = [
  ["string", '"fuzz"'],
  ["number", "12345"],
  ["boolean", "true"],
  ["object", "{}"],
  ["array", "[]"],
  ["null", "null"],
];

const HUGE = "x".repeat(100_000);

/** Raw JSON values of an admitted type that must still be refused. */
function hostileValues(schema: JsonSchema): [string, string][] {
  const types = typesOf(schema);
  if (!types) return [];
  const out: [string, string][] = WRONG_TYPE.filter(([t]) => !types.has(t)).map(([t, raw]) => [
    `wrong type ${t}`,
    raw,
  ]);
  if (types.has("string")) {
    out.push(
      ["NUL", JSON.stringify("a\u0000b")],
      ["control character", JSON.stringify("a\u0007b\u001b")],
      ["lone surrogate", '"a\\ud800b"'],
      ["100k characters", JSON.stringify(HUGE)],
    );
    if (schema.enum) out.push(["not in the list", '"NOT_A_CHOICE"']);
  }
  if (types.has("number")) {
    out.push(["1e309", "1e309"], ["-1e309", "-1e309"], ["2^53+1", "9007199254740993"]);
    if (types.has("integer")) out.push(["fraction", "1.5"]);
  }
  return out;
}

/** `{ a: { b: <raw> } }` as JSON text, for a raw value at `path`. */
function nest(path: string[], raw: string): string {
  return path.reduceRight((inner, key) => `{${JSON.stringify(key)}:${inner}}`, raw);
}

/** Hostile values at every property (nested objects and array items included, 3 levels deep). */
function propertyVariants(schema: JsonSchema, path: string[] = [], depth = 0): Variant[] {
  const out: Variant[] = [];
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const at = [...path, key];
    for (const [what, raw] of hostileValues(prop)) {
      out.push({ what: `body.${at.join(".")}: ${what}`, payload: nest(at, raw) });
    }
    if (depth >= 2) continue;
    const inner = prop.anyOf?.find((s) => s.properties || s.items) ?? prop;
    if (inner.properties) out.push(...propertyVariants(inner, at, depth + 1));
    if (inner.items) {
      for (const [what, raw] of hostileValues(inner.items)) {
        out.push({ what: `body.${at.join(".")}.0: ${what}`, payload: nest(at, `[${raw}]`) });
      }
      if (inner.items.properties) {
        for (const v of propertyVariants(inner.items, [], depth + 1)) {
          out.push({
            what: `${v.what} (in ${at.join(".")}.0)`,
            payload: nest(at, `[${v.payload}]`),
          });
        }
      }
    }
  }
  return out;
}

const json = "application/json";

/** Hostile bodies of an operation that takes JSON (or declares no input at all). */
export function bodyVariants(op: Operation): Variant[] {
  const schema = op.body ?? {};
  const v: Variant[] = [
    { what: "malformed JSON", payload: '{"a":', contentType: json },
    { what: "NaN", payload: '{"a":NaN}', contentType: json },
    { what: "Infinity", payload: '{"a":Infinity}', contentType: json },
    { what: "single quotes", payload: "{'a':1}", contentType: json },
    { what: "JSON array", payload: "[]", contentType: json },
    { what: "JSON string", payload: '"fuzz"', contentType: json },
    { what: "JSON number", payload: "123", contentType: json },
    { what: "empty JSON body", payload: "", contentType: json },
    { what: "__proto__", payload: '{"__proto__":{"polluted":1}}', contentType: json },
    { what: "NUL in a field name", payload: '{"a\\u0000":1}', contentType: json },
    {
      what: "deep nesting",
      payload: `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}`,
      contentType: json,
    },
    { what: "1.5 MB body", payload: `{"a":"${"x".repeat(1_500_000)}"}`, contentType: json },
    { what: "charset utf-16", payload: '{"__fuzz":1}', contentType: `${json}; charset=utf-16` },
    { what: "text/plain", payload: '{"__fuzz":1}', contentType: "text/plain" },
    { what: "form", payload: "__fuzz=1", contentType: "application/x-www-form-urlencoded" },
    {
      what: "multipart",
      payload: '--x\r\nContent-Disposition: form-data; name="__fuzz"\r\n\r\n1\r\n--x--\r\n',
      contentType: "multipart/form-data; boundary=x",
    },
    { what: "xml", payload: "<a/>", contentType: "application/xml" },
  ];
  // A route whose input is optional may document `null` as "no input".
  if (!typesOf(schema)?.has("null"))
    v.push({ what: "JSON null", payload: "null", contentType: json });
  // Every operation refuses fields it does not know, whether or not its document says so.
  v.push({ what: "unknown field", payload: '{"__fuzz":1}', contentType: json });
  if (schema.required?.length || op.method === "PATCH")
    v.push({ what: "{}", payload: "{}", contentType: json });
  for (const p of propertyVariants(schema)) v.push({ ...p, contentType: json });
  return v;
}

/** Hostile path values for each path parameter (the rest keep real ids). */
export function pathVariants(op: Operation): Variant[] {
  const values: [string, string][] = [
    ["not a uuid", "not-a-uuid"],
    ["nil uuid", "00000000-0000-0000-0000-000000000000"],
    ["101 characters", "a".repeat(101)],
    ["10k characters", "a".repeat(10_000)],
    ["NUL", "a%00b"],
    ["control character", "a%07b"],
    ["broken %-escape", "%E0%A4%A"],
  ];
  return op.pathParams.flatMap((name) =>
    values
      .filter(([what]) => !(name === "slug" && what === "nil uuid"))
      .map(([what, value]) => ({ what: `path ${name}: ${what}`, pathValues: { [name]: value } })),
  );
}

/** Hostile query strings: per documented parameter, plus control characters anywhere. */
export function queryVariants(op: Operation): Variant[] {
  const v: Variant[] = [{ what: "query: NUL in an unknown parameter", query: "fuzz=a%00b" }];
  if (op.query.length) v.push({ what: "query: unknown parameter", query: "__fuzz=1" });
  for (const p of op.query) {
    const types = typesOf(p.schema);
    const values: [string, string][] = [
      ["NUL", "a%00b"],
      ["control character", "a%1Bb"],
      ["repeated", "a&" + encodeURIComponent(p.name) + "=b"],
    ];
    if (p.schema?.maxLength !== undefined) values.push(["100k characters", HUGE]);
    if (p.schema?.enum) values.push(["not in the list", "NOT_A_CHOICE"]);
    if (p.schema?.format === "uuid") values.push(["not a uuid", "not-a-uuid"]);
    if (types?.has("number") || types?.has("boolean"))
      values.push(["not a number", "abc"], ["1e309", "1e309"], ["NaN", "NaN"]);
    if (types?.has("number"))
      values.push(["huge", "99999999999999999999"], ["fraction", "1.5"], ["negative", "-5"]);
    for (const [what, value] of values) {
      v.push({ what: `query ${p.name}: ${what}`, query: `${encodeURIComponent(p.name)}=${value}` });
    }
  }
  return v;
}
