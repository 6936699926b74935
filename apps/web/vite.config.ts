import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { faceFallback } from "./vite/face-fallback.ts";
import { faceIsolation } from "./vite/face-isolation.ts";
import { kioskServiceWorker } from "./vite/kiosk-service-worker.ts";
import { precompress } from "./vite/precompress.ts";

const backend = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    faceFallback(),
    faceIsolation(),
    kioskServiceWorker(),
    precompress(),
  ],
  server: {
    proxy: {
      // ws: the real-time socket lives at /api/socket.io.
      "/api": { target: backend, changeOrigin: false, ws: true },
      "/socket.io": { target: backend, ws: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Read by scripts/check-budgets.mjs: which chunks each face loads first.
    manifest: true,
    rollupOptions: {
      // One page per face (app/faces/face-of-path.ts): each loads only its own code.
      input: {
        portal: "index.html",
        staff: "staff.html",
        kiosk: "kiosk.html",
        board: "board.html",
      },
    },
  },
});
