/**
 * The server in a child process of a test (crash tests: the parent can `kill -9` it; tests of
 * several processes). Reads its configuration from the environment like `npm start`, listens on
 * a free port and tells the parent which, over the IPC channel. With
 * `TEST_REPORT_DELIVERIES=<name>` it also runs a durable subscriber `test-counter` that tells the
 * parent which events it handled (`{ type: "handled", node, eventIds }`), so a test can count
 * deliveries across processes.
 */
import { loadConfig } from "../config";
import type { DurableSubscriber } from "../modules/events";
import { startPlatform } from "../platform";

const node = process.env.TEST_REPORT_DELIVERIES;
const reporter: DurableSubscriber[] = node
  ? [
      {
        name: "test-counter",
        handle: async (_tx, _company, events) => {
          process.send?.({ type: "handled", node, eventIds: events.map((e) => e.id) });
        },
      },
    ]
  : [];

const platform = await startPlatform(loadConfig(), {
  serveWeb: false,
  mail: null,
  dayEndWorker: false,
  extraSubscribers: reporter,
});
const address = await platform.app.listen({ host: "127.0.0.1", port: 0 });
process.send?.({ type: "ready", address });
process.on("SIGTERM", () => void platform.close().then(() => process.exit(0)));
