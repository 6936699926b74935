import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each server test file starts its own app and database; two cores, so keep it modest.
    maxWorkers: 2,
    projects: [
      { test: { name: "core", include: ["packages/core/src/**/*.test.ts"] } },
      { test: { name: "contracts", include: ["packages/contracts/src/**/*.test.ts"] } },
      // The benchmarks' pure helpers (the day simulator); no server, no database.
      { test: { name: "bench", include: ["bench/lib/**/*.test.ts"] } },
      // Pure logic of the web app (no DOM): state reducers and formatters.
      { test: { name: "web", include: ["apps/web/src/**/*.test.ts"] } },
      {
        test: {
          name: "server",
          include: ["apps/server/src/**/*.test.ts"],
          // Files in a worker share its loaded modules: loading the server's module graph again
          // for each of 120-odd files was half the suite's time (import 297 s of a 642 s run on
          // PGlite; 314 s in all without). Every file starts its own app and database, and a
          // test that changes anything global (fake timers) puts it back after itself.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
