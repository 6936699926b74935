// `npm start`: builds the web app when it is missing or older than its sources, then starts
// the platform (without DATABASE_URL on the managed PostgreSQL in ./data/pg, see main.ts).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const web = path.join(root, "apps/web");
const builtIndex = path.join(web, "dist/index.html");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function webIsStale() {
  if (!fs.existsSync(builtIndex)) return true;
  const built = fs.statSync(builtIndex).mtimeMs;
  const sources = ["src", "public", "vite"]
    .map((d) => path.join(web, d))
    .filter((d) => fs.existsSync(d));
  const configs = ["index.html", "staff.html", "kiosk.html", "board.html", "vite.config.ts"]
    .map((f) => path.join(web, f))
    .filter((f) => fs.existsSync(f));
  const newest = Math.max(
    ...sources.map(newestSource),
    ...configs.map((f) => fs.statSync(f).mtimeMs),
  );
  return newest > built;
}

if (webIsStale()) {
  console.log("Building the web app (first start or sources changed)…");
  const r = spawnSync("npm", ["run", "build", "-w", "@equeue/web"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) {
    console.error("The web app failed to build; see the output above.");
    process.exit(r.status ?? 1);
  }
}

const child = spawn(
  process.execPath,
  ["--import", "tsx", path.join(root, "apps/server/src/main.ts"), ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
