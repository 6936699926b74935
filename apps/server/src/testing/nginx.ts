import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The documented nginx configuration: what operators install and what the cluster test runs. */
export const NGINX_TEMPLATE = fileURLToPath(
  new URL("../../../../deploy/nginx/equeue.conf.template", import.meta.url),
);

/** envsubst with a list of names, as in the template's header: `${NAME}` only, nothing else. */
export function renderNginxTemplate(template: string, vars: Record<string, string>): string {
  const out = template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => {
    if (!(name in vars)) throw new Error(`the nginx template needs ${name}`);
    return vars[name]!;
  });
  return out;
}

/** The nginx binary (Debian's is in /usr/sbin, which a test's PATH may lack), or null. */
export function findNginx(): string | null {
  for (const candidate of ["/usr/sbin/nginx", "nginx"]) {
    const probe = spawnSync(candidate, ["-v"], { stdio: "ignore" });
    if (!probe.error && probe.status === 0) return candidate;
  }
  return null;
}

export type TestNginx = {
  url: string;
  port: number;
  /** The upstreams (`127.0.0.1:port`, or several comma-separated when nginx moved on to
   * another) of the requests logged so far from `remoteAddr`. */
  upstreamsOf: (remoteAddr: string) => string[];
  stop: () => Promise<void>;
};

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => (s.destroy(), resolve(true)));
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Real nginx in the foreground on a loopback port, with the repository's template as its only
 * site and everything else (pid, logs, temp files) in a temporary directory.
 */
export async function startNginx(opts: {
  port: number;
  baseDomain: string;
  upstreamPorts: number[];
}): Promise<TestNginx> {
  const bin = findNginx();
  if (!bin) throw new Error("nginx is not installed (apt-get install -y nginx)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eq-nginx-"));
  const tmp = path.join(dir, "tmp");
  fs.mkdirSync(tmp);
  // As root the workers run as `nobody`: they write proxy buffers here.
  fs.chmodSync(tmp, 0o777);
  const site = renderNginxTemplate(fs.readFileSync(NGINX_TEMPLATE, "utf8"), {
    EQ_LISTEN: `127.0.0.1:${opts.port}`,
    EQ_BASE_DOMAIN: opts.baseDomain,
    EQ_UPSTREAMS: opts.upstreamPorts
      .map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`)
      .join(" "),
  });
  fs.writeFileSync(path.join(dir, "equeue.conf"), site);
  const accessLog = path.join(dir, "access.log");
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 1024; }",
      "http {",
      "  log_format eq '$remote_addr|$upstream_addr|$status|$request';",
      `  access_log ${accessLog} eq;`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (t) => `  ${t}_temp_path ${tmp}/${t};`,
      ),
      `  include ${dir}/equeue.conf;`,
      "}",
    ].join("\n"),
  );
  const conf = path.join(dir, "nginx.conf");
  const check = spawnSync(bin, ["-t", "-q", "-p", dir, "-c", conf, "-e", `${dir}/error.log`], {
    encoding: "utf8",
  });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const child: ChildProcess = spawn(bin, ["-p", dir, "-c", conf, "-e", `${dir}/error.log`], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForPort(opts.port, 10_000);
  return {
    url: `http://127.0.0.1:${opts.port}`,
    port: opts.port,
    upstreamsOf: (remoteAddr) =>
      fs
        .readFileSync(accessLog, "utf8")
        .split("\n")
        .filter((l) => l.startsWith(`${remoteAddr}|`))
        .map((l) => l.split("|")[1]!),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          child.once("exit", resolve);
          child.kill("SIGTERM");
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
