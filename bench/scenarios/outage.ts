/**
 * `outage`: what an outage costs under ticket-issuing load, with its own PostgreSQL cluster
 * (initdb on a free port, never the shared server):
 *  (i)  `kill -9` of the server process, then a fresh one — acknowledged tickets vs present;
 *  (ii) a restart of the PostgreSQL cluster (`pg_ctl stop -m fast`, start) under the same
 *       server — answers during the outage, time until issuing works again, tickets lost, and
 *       that the server process survived.
 * Bars: 0 acknowledged tickets lost in both; during (ii) only 2xx or 503 DATABASE_UNAVAILABLE,
 * no process restart, issuing back within 5 s of the database.
 */
import pg from "pg";
import { loadConfig, startPlatform } from "@equeue/server/platform";
import {
  SUPER_ADMIN,
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "@equeue/server/testing";
import {
  IssueLoad,
  type LoadAnswer,
  type LoadTarget,
  badAnswers,
  tally,
} from "@equeue/server/testing/issue-load";
import {
  startThrowawayPostgres,
  throwawayPostgresUnavailable,
} from "@equeue/server/testing/throwaway-postgres";
import type { Args } from "../lib/args";
import { logger, serverEnv } from "../lib/bench-env";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { ServerProcess } from "../lib/server-proc";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BACK_BAR_MS = 5_000;

type Phase = {
  answers: Record<string, number>;
  acknowledged: number;
  present: number;
  lost: number;
  /** From the first failed issue after the kill / the stop until the next acknowledged one. */
  unavailable_ms: number | null;
  /** From the server's / the database's return until the first acknowledged issue. */
  back_after_ms: number | null;
  bad_answers: number;
};

async function countPresent(url: string, schema: string, ids: string[]): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(
      `select count(*)::int as n from "${schema}".tickets where id = any($1::uuid[])`,
      [ids],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await c.end();
  }
}

function summarise(
  load: IssueLoad,
  present: number,
  outageAt: number,
  backAt: number,
  answers: LoadAnswer[] = load.answers,
): Phase {
  // The outage as clients saw it: from the first failed issue after the event to the next success.
  const firstFailure = load.answers.find(
    (a) => a.kind === "issue" && a.at >= outageAt && !(a.status >= 200 && a.status < 300),
  )?.at;
  const firstOk = firstFailure === undefined ? null : load.firstIssueOkAfter(firstFailure);
  const firstAfterBack = load.firstIssueOkAfter(backAt);
  return {
    answers: tally(answers),
    acknowledged: load.acknowledged.length,
    present,
    lost: load.acknowledged.length - present,
    unavailable_ms:
      firstOk === null || firstFailure === undefined ? null : Math.round(firstOk - firstFailure),
    back_after_ms: firstAfterBack === null ? null : Math.round(firstAfterBack - backAt),
    bad_answers: badAnswers(answers).length,
  };
}

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const workers = args.int("workers", 16);
  const loadSeconds = args.int("seconds", 4);
  const outageSeconds = args.int("outage-seconds", 3);
  const log = logger("outage");
  const why = throwawayPostgresUnavailable();
  if (why) {
    console.error(`The outage benchmark needs its own PostgreSQL cluster: ${why}.`);
    return { pass: false };
  }
  const cluster = await startThrowawayPostgres();
  log(`throwaway PostgreSQL on port ${cluster.port}`);
  let server: ServerProcess | null = null;
  try {
    const env = serverEnv({
      DATABASE_URL: cluster.url,
      SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
      SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
      DATABASE_CONNECT_TIMEOUT_MS: "2000",
    });
    const config = loadConfig(env);
    const setup = await startPlatform(config, { serveWeb: false, mail: null, dayEndWorker: false });
    const p = { ...setup, config };
    const { company, slug } = await createQueueCompany(p);
    const b = await createBranchWithService(p.ctx, company);
    const serviceId = b.services[0]!.id;
    const op = await createQueueOperator(p.ctx, company, {
      branchId: b.branch.id,
      serviceIds: [serviceId],
    });
    await setup.close();

    server = await ServerProcess.start(env);
    let base = server.address;
    const target: LoadTarget = {
      baseUrl: () => base,
      slug,
      token: op.token,
      branchId: b.branch.id,
      serviceId,
    };

    // (i) kill -9 of the server under load, then a new process.
    log(`(i) ${workers} clients issuing; kill -9 of the server after ${loadSeconds} s`);
    const first = new IssueLoad(target, { workers, timeoutMs: 5_000 }).start();
    await sleep(loadSeconds * 1000);
    const killedAt = first.now();
    const killedPid = server.pid;
    server.child.kill("SIGKILL");
    await new Promise((r) =>
      server!.child.exitCode !== null ? r(null) : server!.child.once("exit", r),
    );
    server = await ServerProcess.start(env);
    base = server.address;
    const restartedAt = first.now();
    log(`(i) new server after ${Math.round(restartedAt - killedAt)} ms`);
    await sleep(loadSeconds * 1000);
    await first.stop();
    const killPhase = {
      ...summarise(
        first,
        await countPresent(cluster.url, company.schema_name, first.acknowledged),
        killedAt,
        restartedAt,
      ),
      restart_ms: Math.round(restartedAt - killedAt),
    };

    // (ii) PostgreSQL restarts under the same server process.
    log(`(ii) ${workers} clients issuing; PostgreSQL stopped for ${outageSeconds} s`);
    const pid = server.pid;
    const second = new IssueLoad(target, { workers, timeoutMs: 10_000 }).start();
    await sleep(loadSeconds * 1000);
    const stoppedAt = second.now();
    await cluster.stop();
    await sleep(500);
    const readyDuring = (await fetch(`${base}/api/ready`)).status;
    await sleep(outageSeconds * 1000 - 500);
    await cluster.start();
    const startedAt = second.now();
    await sleep(loadSeconds * 1000);
    const readyAfter = (await fetch(`${base}/api/ready`)).status;
    await second.stop();
    const survived = server.child.exitCode === null && server.pid === pid;
    const dbPhase = {
      ...summarise(
        second,
        await countPresent(cluster.url, company.schema_name, second.acknowledged),
        stoppedAt,
        startedAt,
      ),
      outage_answers: tally(second.answers.filter((a) => a.at >= stoppedAt && a.at < startedAt)),
      ready_during: readyDuring,
      ready_after: readyAfter,
      server_survived: survived,
    };

    const lost = killPhase.lost + dbPhase.lost;
    const bars: Bar[] = [
      {
        name: "acknowledged tickets lost (kill -9 and PostgreSQL restart)",
        target: "0",
        actual: String(lost),
        pass: lost === 0,
      },
      {
        name: "answers during the PostgreSQL restart other than 2xx / 503",
        target: "0",
        actual: String(dbPhase.bad_answers),
        pass: dbPhase.bad_answers === 0,
      },
      {
        name: "server process survives the PostgreSQL restart",
        target: "yes",
        actual: survived ? "yes" : "no",
        pass: survived,
      },
      {
        name: "issuing back after PostgreSQL is up",
        target: `< ${BACK_BAR_MS} ms`,
        actual: `${dbPhase.back_after_ms ?? "never"} ms`,
        pass: dbPhase.back_after_ms !== null && dbPhase.back_after_ms < BACK_BAR_MS,
      },
      {
        name: "/api/ready during / after the outage",
        target: "503 / 200",
        actual: `${readyDuring} / ${readyAfter}`,
        pass: readyDuring === 503 && readyAfter === 200,
      },
    ];
    const result = {
      name: "outage",
      date: new Date().toISOString(),
      command: commandLine("outage", argv),
      machine: machineInfo("postgres (throwaway cluster)"),
      ops_per_s: null,
      ceiling_ops_per_s: null,
      ratio: null,
      p50_ms: null,
      p99_ms: null,
      duplicates: null,
      lost,
      errors: dbPhase.bad_answers,
      peak_rss_mb: null,
      workers,
      killed_pid: killedPid,
      kill9: killPhase,
      postgres_restart: dbPhase,
    };
    writeResult(result);
    printResult(
      {
        "kill -9: acknowledged / present / lost": `${killPhase.acknowledged} / ${killPhase.present} / ${killPhase.lost}`,
        "kill -9: new process listening after (ms)": killPhase.restart_ms,
        "kill -9: issuing failed for (ms)": killPhase.unavailable_ms,
        "kill -9: answers": killPhase.answers,
        "pg restart: acknowledged / present / lost": `${dbPhase.acknowledged} / ${dbPhase.present} / ${dbPhase.lost}`,
        "pg restart: answers while down": dbPhase.outage_answers,
        "pg restart: issuing back after pg start (ms)": dbPhase.back_after_ms,
        "pg restart: issuing failed for (ms)": dbPhase.unavailable_ms,
        "pg restart: server process survived": survived,
      },
      bars,
    );
    return { pass: bars.every((b) => b.pass) };
  } finally {
    await server?.stop().catch(() => null);
    await cluster.destroy();
  }
}
