import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// A random port (kept in the environment so workers agree) unless E2E_PORT says otherwise:
// a developer's running platform or another run must not collide with this one. It stays below
// Linux's ephemeral range (32768 and up), where an outgoing connection may already hold it.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 12_000));
const port = Number(process.env.E2E_PORT);
// A fresh embedded database for every run, so journeys start from an empty platform.
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "eq-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

export const SUPER_ADMIN = { email: "root@e-queue.test", password: "E2e-Super-Admin-1" };

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  outputDir: "./test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "uz-UZ",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node ../scripts/start.mjs",
    url: `http://127.0.0.1:${port}/api/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
      SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
      LOG_LEVEL: "warn",
      LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
      // The web push journey's fake push service listens on loopback (any port).
      PUSH_ENDPOINT_ORIGINS: "http://127.0.0.1",
      // The integrations journey points a webhook at a closed loopback port: it fails fast and
      // is paused after two failures.
      WEBHOOKS_ALLOW_PRIVATE: "true",
      WEBHOOK_PAUSE_AFTER_FAILURES: "2",
      WEBHOOK_RETRY_BASE_MS: "200",
      WEBHOOK_POLL_MS: "200",
    },
  },
});
