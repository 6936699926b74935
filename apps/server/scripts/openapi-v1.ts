// Writes the platform's OpenAPI documents from a real platform on an in-memory database, for
// `npm run lint:openapi` to lint: the integrators' (/api/v1/openapi.json) to the first argument,
// the whole platform's (/api/openapi.json) to the second, when given.
import { writeFile } from "node:fs/promises";
import { createTestPlatform } from "../src/testing";

const [v1Out, platformOut] = process.argv.slice(2);
if (!v1Out) throw new Error("usage: openapi-v1.ts <v1.json> [platform.json]");
const p = await createTestPlatform({ PUBLIC_URL: "https://e-queue.example" });
try {
  const write = async (url: string, out: string) =>
    writeFile(out, JSON.stringify((await p.app.inject({ url })).json(), null, 2));
  await write("/api/v1/openapi.json", v1Out);
  if (platformOut) await write("/api/openapi.json", platformOut);
} finally {
  await p.close();
}
