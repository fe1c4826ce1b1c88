/**
 * Starts, stops and inspects the S3Proxy of one lakehouse instance on the s3 storage profile, the way
 * tools/postgres and tools/trino do their servers: detached from the terminal on the JDK Trino uses,
 * with its own pid file and log under `<instance>/s3proxy/`; only the process recorded in that pid
 * file is ever stopped. Ready means it answers a signed request; then the warehouse bucket exists.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import type { Progress } from "../../lib/lakehouse/migrate";
import { ensureS3Credentials, readS3Credentials, s3CredentialsFile } from "../../lib/lakehouse/s3-credentials";
import { type InstanceSettings, instancePaths, S3PROXY_VERSION, WAREHOUSE_BUCKET } from "../../lib/lakehouse/settings";
import { portIsFree } from "../net/ports";
import { tailLog } from "../process/log-tail";
import { alive, readPidFile, stopRecordedServer, writePidFile } from "../process/pid-file";
import { findJava } from "../trino/java";
import { ensureS3ProxyJar } from "./jar";
import { ensureBucket, type S3Target, s3Request } from "./s3-client";
import { renderS3ProxyConfig, s3Endpoint } from "./s3proxy-config";

export class S3ProxyError extends Error {
  override readonly name = "S3ProxyError";
}

export interface S3ProxyInfo {
  readonly running: boolean;
  readonly pid?: number;
  /** Answers signed requests with this instance's key pair. */
  readonly answering?: boolean;
  readonly endpoint: string;
  readonly bucket: string;
  /** The filesystem backend's folder: the bucket is its subfolder. */
  readonly dataDir: string;
  readonly log: string;
  readonly credentials: string;
}

export interface S3ProxyStartResult {
  readonly alreadyRunning: boolean;
  readonly startupMs: number;
}

const START_TIMEOUT_MS = 60_000;
/** Its heap: it streams objects between sockets and files and holds none of them. */
const HEAP = "-Xmx512m";

/** The recorded pid, if that process is still an S3Proxy (a pid reused by another program after a reboot is not). */
function readPid(s: InstanceSettings): number | undefined {
  const pid = readPidFile(instancePaths(s).s3PidFile);
  if (pid === undefined) return undefined;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("s3proxy") ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function s3Target(s: InstanceSettings): S3Target {
  const credentials = readS3Credentials(s);
  if (!credentials) throw new S3ProxyError(`${s3CredentialsFile(s)} is missing: start the instance first`);
  return { port: s.s3Port, credentials };
}

/** HTTP status of a signed HEAD on the bucket (200 it exists, 404 not yet), or undefined when nothing answers. */
async function probe(s: InstanceSettings): Promise<number | undefined> {
  try {
    return (await s3Request(s3Target(s), "HEAD", `/${WAREHOUSE_BUCKET}/`, "", 2000)).status;
  } catch {
    return undefined;
  }
}

export async function s3proxyStatus(s: InstanceSettings): Promise<S3ProxyInfo> {
  const p = instancePaths(s);
  const pid = readPid(s);
  const running = pid !== undefined && alive(pid);
  const status = running ? await probe(s) : undefined;
  return {
    running,
    pid: running ? pid : undefined,
    answering: running ? status === 200 || status === 404 : undefined,
    endpoint: s3Endpoint(s),
    bucket: WAREHOUSE_BUCKET,
    dataDir: p.s3Data,
    log: p.s3Log,
    credentials: s3CredentialsFile(s),
  };
}

function writeConfig(s: InstanceSettings): void {
  const p = instancePaths(s);
  fs.mkdirSync(p.s3Data, { recursive: true });
  // 0600: the file holds the key pair.
  fs.writeFileSync(p.s3Config, renderS3ProxyConfig(s, ensureS3Credentials(s)), { mode: 0o600 });
  fs.chmodSync(p.s3Config, 0o600);
}

async function waitUntilAnswering(s: InstanceSettings, pid: number): Promise<void> {
  const p = instancePaths(s);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (!alive(pid)) throw new S3ProxyError(`S3Proxy exited during start-up. Last lines of ${p.s3Log}:\n${tailLog(p.s3Log, 20)}`);
    const status = await probe(s);
    if (status === 200 || status === 404) return;
    if (status !== undefined) {
      throw new S3ProxyError(
        `S3Proxy on ${s3Endpoint(s)} refused this instance's key pair (HTTP ${status}). Last lines of ${p.s3Log}:\n${tailLog(p.s3Log, 20)}`,
      );
    }
    if (Date.now() > deadline)
      throw new S3ProxyError(`S3Proxy did not answer on ${s3Endpoint(s)} within ${START_TIMEOUT_MS / 1000} s:\n${tailLog(p.s3Log, 20)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startS3Proxy(s: InstanceSettings, progress: Progress = () => undefined): Promise<S3ProxyStartResult> {
  const p = instancePaths(s);
  const current = await s3proxyStatus(s);
  if (current.running) {
    if (!current.answering) {
      throw new S3ProxyError(`pid ${current.pid} from ${p.s3PidFile} is alive but ${s3Endpoint(s)} does not answer as this instance's S3Proxy`);
    }
    await ensureBucket(s3Target(s), WAREHOUSE_BUCKET);
    return { alreadyRunning: true, startupMs: 0 };
  }
  if (!(await portIsFree(s.s3Port))) {
    throw new S3ProxyError(
      `port ${s.s3Port} on 127.0.0.1 is in use by another process, so S3Proxy cannot start; stop it or pick another port (${s.name === "main" ? "PULSE_S3PROXY_PORT" : `the instance's Trino port + 9`})`,
    );
  }
  const java = findJava();
  const jar = ensureS3ProxyJar(progress);
  writeConfig(s);
  progress(`starting S3Proxy ${S3PROXY_VERSION} on ${s3Endpoint(s)} (filesystem backend in ${p.s3Data})`);
  const t0 = Date.now();
  const log = fs.openSync(p.s3Log, "a");
  // Its own session (detached), so Ctrl-C in the terminal that ran `up` does not reach it.
  const child = spawn(`${java.home}/bin/java`, [HEAP, "-XX:+UseSerialGC", "-jar", jar, "--properties", p.s3Config], {
    cwd: p.s3Dir,
    detached: true,
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  if (child.pid === undefined) throw new S3ProxyError(`could not run ${java.home}/bin/java for S3Proxy`);
  child.unref();
  writePidFile(p.s3PidFile, child.pid);
  await waitUntilAnswering(s, child.pid);
  const made = await ensureBucket(s3Target(s), WAREHOUSE_BUCKET);
  const startupMs = Date.now() - t0;
  progress(`S3Proxy is up in ${(startupMs / 1000).toFixed(1)} s${made === "created" ? `, bucket ${WAREHOUSE_BUCKET} created` : ""}`);
  return { alreadyRunning: false, startupMs };
}

export async function stopS3Proxy(s: InstanceSettings, progress: Progress = () => undefined): Promise<boolean> {
  const stopped = await stopRecordedServer("S3Proxy", readPid(s), progress, undefined, 10_000);
  fs.rmSync(instancePaths(s).s3PidFile, { force: true });
  return stopped;
}
