// Writes the integrators' OpenAPI document (/api/v1/openapi.json) to the file named by the first
// argument, from a real platform on an in-memory database: `npm run lint:openapi` lints it.
import { writeFile } from "node:fs/promises";
import { createTestPlatform } from "../src/testing";

const out = process.argv[2];
if (!out) throw new Error("usage: openapi-v1.ts <output.json>");
const p = await createTestPlatform({ PUBLIC_URL: "https://e-queue.example" });
try {
  const res = await p.app.inject({ url: "/api/v1/openapi.json" });
  await writeFile(out, JSON.stringify(res.json(), null, 2));
} finally {
  await p.close();
}
