/** Query keys of one company's set-up data; invalidating `all(slug)` refreshes every screen. */
export const setupKeys = {
  all: (slug: string) => ["company", slug, "setup"] as const,
  branches: (slug: string) => ["company", slug, "setup", "branches"] as const,
  branch: (slug: string, id: string) => ["company", slug, "setup", "branches", "one", id] as const,
  exceptions: (slug: string, id: string) =>
    ["company", slug, "setup", "branches", "exceptions", id] as const,
  branchServices: (slug: string, id: string) =>
    ["company", slug, "setup", "branches", "services", id] as const,
  counters: (slug: string, branchId: string) =>
    ["company", slug, "setup", "counters", branchId] as const,
  services: (slug: string) => ["company", slug, "setup", "services"] as const,
  service: (slug: string, id: string) => ["company", slug, "setup", "services", "one", id] as const,
  staff: (slug: string) => ["company", slug, "setup", "staff"] as const,
  staffMember: (slug: string, id: string) =>
    ["company", slug, "setup", "staff", "one", id] as const,
  devices: (slug: string) => ["company", slug, "setup", "devices"] as const,
  overview: (slug: string) => ["company", slug, "setup", "overview"] as const,
  branding: (slug: string) => ["company", slug, "setup", "branding"] as const,
  apiKeys: (slug: string) => ["company", slug, "setup", "api-keys"] as const,
  webhooks: (slug: string) => ["company", slug, "setup", "webhooks"] as const,
};
