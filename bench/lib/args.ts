/** Minimal `--key value` / `--flag` parser for scenario arguments. */
export type Args = {
  get(name: string): string | undefined;
  int(name: string, fallback: number): number;
  flag(name: string): boolean;
  raw: string[];
};

export function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--"))
      throw new Error(`Unexpected argument "${a}"; options look like --companies 200`);
    const eq = a.indexOf("=");
    if (eq > 0) {
      values.set(a.slice(2, eq), a.slice(eq + 1));
    } else if (i + 1 < argv.length && !argv[i + 1]!.startsWith("--")) {
      values.set(a.slice(2), argv[++i]!);
    } else {
      flags.add(a.slice(2));
    }
  }
  return {
    raw: argv,
    get: (name) => values.get(name),
    flag: (name) => flags.has(name) || values.get(name) === "true",
    int(name, fallback) {
      const v = values.get(name);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0)
        throw new Error(`--${name} must be a non-negative integer, got "${v}"`);
      return n;
    },
  };
}

export type DbKind = "postgres" | "pglite";

export function dbKindOf(args: Args): DbKind {
  const v = args.get("db") ?? "postgres";
  if (v !== "postgres" && v !== "pglite")
    throw new Error(`--db must be "postgres" or "pglite", got "${v}"`);
  return v;
}
