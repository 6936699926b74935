import type { Plugin, Rolldown } from "vite";

type OutputChunk = Rolldown.OutputChunk;

/**
 * Staff code: the super admin's and the company's panels, the operator's workplace and the
 * texts only they use. None of it may reach a phone, a kiosk or a hall screen — not in the first
 * load and not in a chunk loaded later either.
 */
const STAFF_ONLY = new RegExp(
  [
    "/src/app/routes/(admin|operator|company/setup|company/reports)/",
    "/src/app/faces/staff-routes",
    "/src/features/(audit|companies|company-setup|operator|outbox|reports)/",
    "/src/lib/i18n/(audit|staff|reports)/",
    // The set-up texts, but not the pairing and kiosk screens' part of them (device-screens.*).
    "/src/lib/i18n/setup/((en|ru|uz)\\.ts|staff-devices\\.)",
    "/src/lib/i18n/bundles/(staff|setup|reports)\\.",
  ].join("|"),
);

/** The faces that must not carry staff code (their entry names in `rollupOptions.input`). */
const PUBLIC_FACES = ["portal", "kiosk", "board"];

/** Every chunk a chunk loads, statically or later by `import()`. */
function reachable(start: OutputChunk, byFile: Map<string, OutputChunk>): OutputChunk[] {
  const seen = new Map<string, OutputChunk>();
  const stack = [start];
  while (stack.length) {
    const chunk = stack.pop()!;
    if (seen.has(chunk.fileName)) continue;
    seen.set(chunk.fileName, chunk);
    for (const f of [...chunk.imports, ...chunk.dynamicImports]) {
      const next = byFile.get(f);
      if (next) stack.push(next);
    }
  }
  return [...seen.values()];
}

/** Staff modules each public face could load: `{ face: [module ids] }`, empty when clean. */
export function staffCodeInPublicFaces(chunks: OutputChunk[]): Record<string, string[]> {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const out: Record<string, string[]> = {};
  for (const face of PUBLIC_FACES) {
    const entry = chunks.find((c) => c.isEntry && c.name === face);
    if (!entry) throw new Error(`The build has no entry named "${face}".`);
    const found = reachable(entry, byFile).flatMap((c) =>
      c.moduleIds.filter((id) => STAFF_ONLY.test(id.replaceAll("\\", "/"))),
    );
    if (found.length) out[face] = [...new Set(found)].sort();
  }
  return out;
}

/** Fails the build when staff code became reachable from the portal, the kiosk or the board. */
export function faceIsolation(): Plugin {
  return {
    name: "equeue:face-isolation",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === "chunk");
      const leaks = staffCodeInPublicFaces(chunks);
      const faces = Object.keys(leaks);
      if (faces.length === 0) return;
      const list = faces
        .map(
          (f) => `  ${f}: ${leaks[f]!.slice(0, 5).join(", ")}${leaks[f]!.length > 5 ? ", …" : ""}`,
        )
        .join("\n");
      this.error(`Staff code is reachable from a public face (an import across faces?):\n${list}`);
    },
  };
}
