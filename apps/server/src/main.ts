import fs from "node:fs";
import { loadConfig } from "./config";
import { chooseEmbeddedDatabase } from "./db/embedded-default";
import { seedDemo } from "./demo/seed-demo";
import { startPlatform } from "./platform";

/** Entry point: `npm start`. Prints where the platform is and how to log in. */
async function main() {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  // No DATABASE_URL: the managed PostgreSQL in DATA_DIR/pg, started here and stopped with us.
  let database;
  try {
    database = await chooseEmbeddedDatabase(config);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const platform = await startPlatform(database.config);
  const { app, ctx, superAdmin } = platform;
  await app.listen({ host: config.HOST, port: config.PORT });
  ctx.outbox.start();

  const url = ctx.publicUrl;
  const lines = [
    "",
    `  E-Queue is running on ${database.label}.`,
    `  Super Admin panel:  ${url}/admin`,
    `  API docs:           ${url}/api/docs`,
    `  Log in as ${superAdmin.email}` +
      (superAdmin.generatedPassword
        ? ` with the generated password: ${superAdmin.generatedPassword}\n  (shown only this once; set SUPER_ADMIN_PASSWORD to choose your own)`
        : superAdmin.created
          ? " with SUPER_ADMIN_PASSWORD."
          : " (the account already exists)."),
    ctx.outbox.isConfigured
      ? ""
      : "  No SMTP_URL: e-mails stay in the outbox (Super Admin → Outbox).",
    "",
  ];
  console.log(lines.join("\n"));
  // `npm run demo`: the plan's example companies, so a newcomer sees a living system.
  if (process.argv.includes("--demo")) await seedDemo(ctx);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await platform.close();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => {
  console.error("E-Queue failed to start:", err);
  process.exit(1);
});
