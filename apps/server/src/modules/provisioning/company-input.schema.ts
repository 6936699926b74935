import type { createCompanyBody } from "@equeue/contracts/schemas";
import type { z } from "zod";

/** Words that name parts of the platform and so cannot be a company's address. */
export const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "c",
  "d",
  "k",
  "t",
  "me",
  "docs",
  "help",
  "support",
  "www",
  "mail",
  "smtp",
  "ftp",
  "static",
  "public",
  "files",
  "platform",
  "status",
  "login",
  "logout",
  "kiosk",
  "display",
  "operator",
  "portal",
  "root",
  "system",
  "e-queue",
  "equeue",
  "health",
  "ready",
  "socket-io",
  "cdn",
  "dashboard",
  "billing",
  "test",
  "demo-admin",
]);

// The bodies are a contract with the Super Admin's panel: defined once in @equeue/contracts.
export { companyFields, createCompanyBody, languageSchema } from "@equeue/contracts/schemas";

export type CreateCompanyInput = z.infer<typeof createCompanyBody>;
