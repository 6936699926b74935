/**
 * Host mode: on `{slug}.{BASE_DOMAIN}` the server injects
 * `<meta name="eq-company" content="{slug}">`, and company pages live at `/admin/…`.
 */
export function getHostCompany(): string | null {
  if (typeof document === "undefined") return null;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="eq-company"]');
  const slug = meta?.content.trim();
  return slug ? slug : null;
}

/** Path prefix of a company's pages: "" on its own host, `/c/{slug}` otherwise. */
export function companyBase(slug: string): string {
  return getHostCompany() === slug ? "" : `/c/${encodeURIComponent(slug)}`;
}

/** API prefix of a company's realm: `/api` on its own host, `/api/c/{slug}` otherwise. */
export function companyApiBase(slug: string): string {
  return getHostCompany() === slug ? "/api" : `/api/c/${encodeURIComponent(slug)}`;
}
