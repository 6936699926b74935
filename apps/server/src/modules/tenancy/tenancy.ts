import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../shared/app-error";
import type { CompanyDirectory, CompanyRecord } from "./company-directory";

const slugShape = /^[a-z0-9-]{1,63}$/;

/**
 * The company a slug names, if it may be served now: a missing or deleted company is not found,
 * a suspended one refused. HTTP requests and socket handshakes both ask here.
 */
export async function findServableCompany(
  directory: CompanyDirectory,
  slug: string,
): Promise<CompanyRecord> {
  const company = slugShape.test(slug) ? await directory.findBySlug(slug) : null;
  if (!company || company.status === "DELETED") {
    throw new AppError("NOT_FOUND", "There is no company at this address. Check the link.");
  }
  assertNotSuspended(company.status);
  return company;
}

/** A suspended company is refused on every path, whichever way its data was reached. */
export function assertNotSuspended(status: CompanyRecord["status"]): void {
  if (status === "SUSPENDED") {
    throw new AppError(
      "COMPANY_SUSPENDED",
      "This company's service is suspended. Contact the platform operator.",
    );
  }
}

/**
 * Resolves the company of every route in this plugin's scope from the `:slug` path parameter
 * (host-based requests are rewritten to the same paths, see `companyHostRewrite`).
 */
export function resolveCompanyFromPath(app: FastifyInstance, directory: CompanyDirectory) {
  app.addHook("onRequest", async (request: FastifyRequest) => {
    const slug = (request.params as { slug?: string }).slug ?? "";
    const company = await findServableCompany(directory, slug);
    request.company = company;
    request.log = request.log.child({ company: company.slug });
  });
}

/**
 * With BASE_DOMAIN set, `kapitalbank.e-queue.uz/api/...` is the same as `/api/c/kapitalbank/...`.
 * Returns the slug a host names, or null for the platform's own host.
 */
export function companySlugFromHost(
  host: string | undefined,
  baseDomain: string | undefined,
): string | null {
  if (!host || !baseDomain) return null;
  const name = host.toLowerCase().replace(/:\d+$/, "");
  const base = baseDomain.toLowerCase().replace(/:\d+$/, "");
  if (!name.endsWith(`.${base}`)) return null;
  const sub = name.slice(0, -(base.length + 1));
  if (!sub || sub.includes(".") || sub === "www" || sub === "platform") return null;
  return sub;
}

/** Fastify `rewriteUrl`: maps company-host API calls onto the path-based routes. */
export function companyHostRewrite(baseDomain: string | undefined) {
  return (req: { url?: string; headers: { host?: string } }): string => {
    const url = req.url ?? "/";
    const slug = companySlugFromHost(req.headers.host, baseDomain);
    if (!slug || !url.startsWith("/api/")) return url;
    // The platform's own APIs (the customer's account included: one account across companies;
    // the public API, whose key names its company).
    if (
      /^\/api\/(c\/|platform\/|public\/|customer\/|files\/|v1\/|health|ready|docs|openapi)/.test(
        url,
      )
    )
      return url;
    return `/api/c/${slug}${url.slice(4)}`;
  };
}
