// The tracking links our QR codes carry: `/t/{token}` or `/c/{slug}/t/{token}`, on this site or
// on a company's own host (`{slug}.{base}`), where the page is also `/t/{token}`.
const TOKEN = "[A-Za-z0-9_-]{22,128}";
const BARE = new RegExp(`^/t/(${TOKEN})/?$`);
const COMPANY = new RegExp(`^/c/([a-z0-9][a-z0-9-]{0,62})/t/(${TOKEN})/?$`);

export type TrackingLink = { token: string; slug: string | null; path: string };

const related = (a: string, b: string) => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);

/**
 * The ticket a scanned text names, when it is one of our tracking links (`here` is this page's
 * host); anything else — another site, another page of ours, plain text — is null.
 */
export function trackingLinkOf(text: string, here: string): TrackingLink | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (!related(url.host.toLowerCase(), here.toLowerCase())) return null;
  const bare = BARE.exec(url.pathname);
  if (bare) return { token: bare[1]!, slug: null, path: `/t/${bare[1]}` };
  const company = COMPANY.exec(url.pathname);
  if (company) {
    return {
      token: company[2]!,
      slug: company[1]!,
      path: `/c/${company[1]}/t/${company[2]}`,
    };
  }
  return null;
}
