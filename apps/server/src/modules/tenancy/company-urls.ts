/** What building a company's addresses needs: the platform's public URL and its base domain. */
export type PlatformAddress = {
  config: { BASE_DOMAIN?: string | undefined };
  /** The address people use to reach the platform, without a trailing slash. */
  publicUrl: string;
};

/** Where a company's admin logs in: its subdomain when BASE_DOMAIN is set, else the path. */
export function companyUrls(ctx: PlatformAddress, slug: string) {
  const base = ctx.config.BASE_DOMAIN
    ? `${new URL(ctx.publicUrl).protocol}//${slug}.${ctx.config.BASE_DOMAIN}`
    : `${ctx.publicUrl}/c/${slug}`;
  return { admin: `${base}/admin`, login: `${base}/admin/login` };
}
