import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin, Rollup } from "vite";

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

const template = path.join(path.dirname(fileURLToPath(import.meta.url)), "kiosk-sw.template.js");

/** Every file the chunk needs now or later: its imports, lazy imports and their styles. */
function filesOf(bundle: OutputBundle, start: OutputChunk): string[] {
  const files = new Set<string>();
  const visit = (name: string) => {
    const chunk = bundle[name];
    if (!chunk || files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    if (chunk.type !== "chunk") return;
    const meta = (chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string> } })
      .viteMetadata;
    for (const css of meta?.importedCss ?? []) files.add(css);
    for (const dep of [...chunk.imports, ...chunk.dynamicImports]) visit(dep);
  };
  visit(start.fileName);
  return [...files].sort();
}

/**
 * Writes `kiosk-sw.js`, the kiosk's service worker (a PWA's offline shell, DESIGN.md §9): the
 * template with the kiosk entry's files to keep, found in the build itself, and a version that
 * changes with them so an old cache is dropped. Hand-written rather than a plugin: the kiosk is
 * one of four entries and needs only its own files.
 */
export function kioskServiceWorker(): Plugin {
  return {
    name: "equeue:kiosk-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (c): c is OutputChunk => c.type === "chunk" && c.isEntry && c.name === "kiosk",
      );
      if (!entry) return;
      const files = [...filesOf(bundle, entry), "kiosk.webmanifest", "kiosk-icon.svg"].map(
        (f) => `/${f}`,
      );
      const version = createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 12);
      const source = fs
        .readFileSync(template, "utf8")
        .replace('const VERSION = "__VERSION__";', `const VERSION = "${version}";`)
        .replace("const PRECACHE = __PRECACHE__;", `const PRECACHE = ${JSON.stringify(files)};`);
      if (source.includes("__PRECACHE__;") || !source.includes(version))
        this.error("kiosk-sw.template.js: the placeholders were not found");
      this.emitFile({ type: "asset", fileName: "kiosk-sw.js", source });
    },
  };
}
