import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./server-child.ts", import.meta.url));

/** Messages a server child sends its parent besides "ready" (see server-child.ts). */
export type ChildMessage = { type: "handled"; node: string; eventIds: number[] };

/**
 * A server process (server-child.ts) on the environment given; resolves with its address once
 * it listens. `onMessage` hears what it reports later.
 */
export async function startChildServer(
  env: Record<string, string>,
  onMessage?: (m: ChildMessage) => void,
): Promise<{ child: ChildProcess; address: string }> {
  const child = fork(CHILD, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const address = await new Promise<string>((resolve, reject) => {
    child.on("message", (m: ChildMessage | { type: "ready"; address: string }) => {
      if (m.type === "ready") resolve(m.address);
      else onMessage?.(m);
    });
    child.once("exit", (code) => reject(new Error(`server child exited with ${code}`)));
  });
  return { child, address };
}

/** Resolves when the child has exited (at once if it already has). */
export const childExited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once("exit", () => resolve()),
  );
