import { parseArgs } from "./lib/args";
import { planned, scenarios } from "./scenarios/index";

function list(): void {
  console.log("Usage: npm run bench -- <scenario> [options]\n\nScenarios:");
  const width = Math.max(...Object.keys(scenarios).map((n) => n.length), 10);
  for (const [name, s] of Object.entries(scenarios)) {
    console.log(`  ${name.padEnd(width)}  ${s.description}`);
    console.log(`  ${"".padEnd(width)}  npm run bench -- ${s.usage}`);
  }
  if (planned.length) console.log(`\nNot written yet: ${planned.join(", ")}`);
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === "--help" || name === "-h" || name === "list") {
    list();
    return 0;
  }
  const entry = scenarios[name];
  if (!entry) {
    const hint = planned.includes(name) ? ` ("${name}" is planned but has no script yet)` : "";
    console.error(
      `Unknown benchmark scenario "${name}"${hint}. Known: ${Object.keys(scenarios).join(", ")}.`,
    );
    console.error('Run "npm run bench" with no name to list them.');
    return 2;
  }
  const args = parseArgs(rest);
  const mod = await entry.load();
  const { pass } = await mod.run(args, rest);
  return pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
