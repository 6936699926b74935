// Writes the integrators' typed client from the /api/v1 OpenAPI document of a real platform:
// `npm run gen:client`. A test fails when the committed client is not what the document gives.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { clientSource, CLIENT_FILE } from "../src/modules/public-api/client/client-file";
import { createTestPlatform } from "../src/testing";

const p = await createTestPlatform({ PUBLIC_URL: "https://e-queue.example" });
try {
  const doc = (await p.app.inject({ url: "/api/v1/openapi.json" })).json();
  await writeFile(fileURLToPath(CLIENT_FILE), await clientSource(doc));
} finally {
  await p.close();
}
