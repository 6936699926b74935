/** A registered route: its method and its address pattern (`/api/c/:slug/branches/:id`). */
export type RouteEntry = { method: string; url: string };

type Compiled = { method: string; pattern: RegExp };

const compile = (url: string): RegExp => {
  const parts = url.split("/").map((part) => {
    if (part.startsWith(":")) return "[^/]+";
    if (part === "*") return ".*";
    return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(`^${parts.join("/")}$`);
};

/**
 * The methods an address answers to, from the route table: so a call with a method the address
 * does not take answers 405 with `Allow` (RFC 9110) rather than 404, which would say the
 * address is wrong. Compiled once, on the first miss (the table is complete by then).
 */
export function allowedMethodsOf(routes: readonly RouteEntry[]): (path: string) => string[] {
  let compiled: Compiled[] | null = null;
  return (path) => {
    compiled ??= routes
      .filter((r) => r.url.startsWith("/api/") && r.url !== "/api/*")
      .map((r) => ({ method: r.method, pattern: compile(r.url) }));
    const methods = new Set<string>();
    for (const r of compiled) if (r.pattern.test(path)) methods.add(r.method);
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  };
}
