/**
 * The server in a child process of a test (crash tests: the parent can `kill -9` it). Reads its
 * configuration from the environment like `npm start`, listens on a free port and tells the
 * parent which, over the IPC channel.
 */
import { loadConfig } from "../config";
import { startPlatform } from "../platform";

const platform = await startPlatform(loadConfig(), {
  serveWeb: false,
  mail: null,
  dayEndWorker: false,
});
const address = await platform.app.listen({ host: "127.0.0.1", port: 0 });
process.send?.({ type: "ready", address });
process.on("SIGTERM", () => void platform.close().then(() => process.exit(0)));
