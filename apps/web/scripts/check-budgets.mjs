// After `vite build`: the JavaScript each face loads on first visit (its entry and every chunk
// it imports statically, from Vite's manifest), gzip-compressed as it goes over the wire,
// against the budgets of the design (docs/design.md §9). Exits 1 when a face is over budget.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const manifest = JSON.parse(fs.readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));

/**
 * kB of gzip (level 9, as precompressed); `budget: null`: reported only. `enforced: false`: over
 * budget is reported but does not fail the build. Every face with a budget is enforced: the
 * device faces (kiosk, board) mount without a router, without TanStack Query (the pairing gate
 * keeps its one request itself) and with only their own texts; React DOM, i18next and (on the
 * board) socket.io are most of what is left.
 */
const FACES = [
  { face: "portal", html: "index.html", budget: 150, enforced: true },
  { face: "kiosk", html: "kiosk.html", budget: 120, enforced: true },
  { face: "board", html: "board.html", budget: 120, enforced: true },
  { face: "staff", html: "staff.html", budget: null, enforced: false },
];

function firstLoadFiles(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
  if (seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) firstLoadFiles(dep, seen);
  return seen;
}

const gzipKb = (file) =>
  zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

let over = false;
const rows = FACES.map(({ face, html, budget, enforced }) => {
  const files = [...firstLoadFiles(html)];
  const kb = files.reduce((sum, f) => sum + gzipKb(f), 0);
  const ok = budget === null || kb <= budget;
  if (!ok && enforced) over = true;
  return {
    face,
    page: html,
    chunks: files.length,
    "JS gzip kB": Number(kb.toFixed(1)),
    budget: budget ?? "—",
    "": ok ? "ok" : enforced ? "OVER" : "over (not enforced yet)",
  };
});
console.log("\nFirst-load JavaScript per face:");
console.table(rows);
if (over) {
  console.error("A face is over its JavaScript budget (see above).");
  process.exit(1);
}
