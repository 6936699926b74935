import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { generateClient } from "./generate-client";

/** Where the generated client lives (committed, so integrators can copy one file). */
export const CLIENT_FILE = new URL("./equeue-v1.gen.ts", import.meta.url);

/** The client's source as committed: generated from `doc`, formatted like the repository. */
export async function clientSource(doc: Record<string, unknown>): Promise<string> {
  const options = await resolveConfig(fileURLToPath(CLIENT_FILE));
  return format(generateClient(doc), { ...options, parser: "typescript" });
}
