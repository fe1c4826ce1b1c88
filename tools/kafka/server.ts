/**
 * Installs, formats, starts, stops and inspects the Kafka broker of one lakehouse instance, the way
 * tools/s3proxy does S3Proxy: a single KRaft node (broker and controller in one JVM) on loopback,
 * detached from the terminal on the JDK Trino uses, with its pid file, log and data under
 * `<instance>/kafka/`; only the process recorded in that pid file is ever stopped. The log dirs are
 * formatted once, with a cluster id kept beside them. Ready means the broker lists its topics; then
 * Pulse's topics exist (topics.ts).
 */

import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Progress } from "../../lib/lakehouse/migrate";
import { type InstanceSettings, instancePaths, KAFKA_VERSION, kafkaBootstrap, kafkaControllerPort, kafkaPort } from "../../lib/lakehouse/settings";
import { portIsFree } from "../net/ports";
import { tailLog } from "../process/log-tail";
import { alive, readPidFile, stopRecordedServer, writePidFile } from "../process/pid-file";
import { findJava } from "../trino/java";
import { ensureKafkaJars } from "./distribution";
import { KAFKA_LOG4J, renderKafkaConfig } from "./kafka-config";
import { ensureTopics, listTopics } from "./topics";

export class KafkaError extends Error {
  override readonly name = "KafkaError";
}

export interface KafkaInfo {
  readonly running: boolean;
  readonly pid?: number;
  /** The broker answers a metadata request. */
  readonly answering?: boolean;
  readonly bootstrap: string;
  readonly topics?: string[];
  readonly dataDir: string;
  readonly log: string;
}

export interface KafkaStartResult {
  readonly alreadyRunning: boolean;
  readonly startupMs: number;
  readonly formatted: boolean;
}

const START_TIMEOUT_MS = 90_000;
/** A single broker with a few topics: the page cache holds the log, not the heap. */
const HEAP = ["-Xms256m", "-Xmx768m"];

/** The recorded pid, if that process is still this broker (a pid reused by another program is not). */
function readPid(s: InstanceSettings): number | undefined {
  const pid = readPidFile(instancePaths(s).kafkaPidFile);
  if (pid === undefined) return undefined;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("kafka.Kafka") ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function kafkaStatus(s: InstanceSettings): Promise<KafkaInfo> {
  const p = instancePaths(s);
  const pid = readPid(s);
  const running = pid !== undefined && alive(pid);
  const topics = running ? await listTopics(kafkaBootstrap(s)) : undefined;
  return {
    running,
    pid: running ? pid : undefined,
    answering: running ? topics !== undefined : undefined,
    bootstrap: kafkaBootstrap(s),
    ...(topics ? { topics: topics.filter((t) => !t.startsWith("__")).sort() } : {}),
    dataDir: p.kafkaData,
    log: p.kafkaLog,
  };
}

/** A Kafka cluster id: 16 random bytes in URL-safe base64 without padding, not starting with '-' (as Kafka's Uuid.randomUuid). */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

const javaArgs = (libs: string) => [...HEAP, "-XX:+UseG1GC", "-Djava.awt.headless=true", "-cp", path.join(libs, "*")];

/** Formats the log dirs once (KRaft needs it before the first start); false when they already are. */
function formatOnce(s: InstanceSettings, java: string, libs: string, progress: Progress): boolean {
  const p = instancePaths(s);
  if (fs.existsSync(path.join(p.kafkaData, "meta.properties"))) return false;
  if (!fs.existsSync(p.kafkaClusterId)) fs.writeFileSync(p.kafkaClusterId, `${newClusterId()}\n`);
  const clusterId = fs.readFileSync(p.kafkaClusterId, "utf8").trim();
  progress(`kafka: formatting ${p.kafkaData} (cluster ${clusterId})`);
  const r = spawnSync(
    java,
    [
      ...javaArgs(libs),
      `-Dlog4j.configuration=file:${path.join(p.kafkaDir, "log4j.properties")}`,
      "kafka.tools.StorageTool",
      "format",
      "-t",
      clusterId,
      "-c",
      p.kafkaConfig,
    ],
    {
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new KafkaError(`formatting Kafka's log dirs failed:\n${`${r.stdout ?? ""}${r.stderr ?? ""}`.trim().slice(-2000)}`);
  return true;
}

async function waitUntilAnswering(s: InstanceSettings, pid: number): Promise<void> {
  const p = instancePaths(s);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (!alive(pid)) throw new KafkaError(`Kafka exited during start-up. Last lines of ${p.kafkaLog}:\n${tailLog(p.kafkaLog, 30)}`);
    if ((await listTopics(kafkaBootstrap(s), 2_000)) !== undefined) return;
    if (Date.now() > deadline)
      throw new KafkaError(`Kafka did not answer on ${kafkaBootstrap(s)} within ${START_TIMEOUT_MS / 1000} s:\n${tailLog(p.kafkaLog, 30)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function startKafka(s: InstanceSettings, progress: Progress = () => undefined): Promise<KafkaStartResult> {
  const p = instancePaths(s);
  const current = await kafkaStatus(s);
  if (current.running) {
    if (!current.answering)
      throw new KafkaError(`pid ${current.pid} from ${p.kafkaPidFile} is alive but ${kafkaBootstrap(s)} does not answer as a Kafka broker`);
    await ensureTopics(kafkaBootstrap(s), progress);
    return { alreadyRunning: true, startupMs: 0, formatted: false };
  }
  for (const [port, what] of [
    [kafkaPort(s), "broker"],
    [kafkaControllerPort(s), "controller"],
  ] as const) {
    if (!(await portIsFree(port))) {
      throw new KafkaError(
        `port ${port} on 127.0.0.1 is in use by another process, so Kafka's ${what} cannot listen there; stop it or move the instance's Trino port (Kafka takes Trino's port + 7 and + 8)`,
      );
    }
  }
  const java = `${findJava().home}/bin/java`;
  const libs = ensureKafkaJars(progress);
  fs.mkdirSync(p.kafkaData, { recursive: true });
  fs.writeFileSync(p.kafkaConfig, renderKafkaConfig(s));
  fs.writeFileSync(path.join(p.kafkaDir, "log4j.properties"), KAFKA_LOG4J);
  const formatted = formatOnce(s, java, libs, progress);
  progress(`starting Kafka ${KAFKA_VERSION} on ${kafkaBootstrap(s)} (KRaft controller on ${kafkaControllerPort(s)}, log dirs in ${p.kafkaData})`);
  const t0 = Date.now();
  const log = fs.openSync(p.kafkaLog, "a");
  // Its own session (detached), so Ctrl-C in the terminal that ran `up` does not reach it.
  const child = spawn(
    java,
    [
      ...javaArgs(libs),
      `-Dlog4j.configuration=file:${path.join(p.kafkaDir, "log4j.properties")}`,
      `-Dkafka.logs.dir=${p.kafkaDir}`,
      "kafka.Kafka",
      p.kafkaConfig,
    ],
    {
      cwd: p.kafkaDir,
      detached: true,
      stdio: ["ignore", log, log],
    },
  );
  fs.closeSync(log);
  if (child.pid === undefined) throw new KafkaError(`could not run ${java} for Kafka`);
  child.unref();
  writePidFile(p.kafkaPidFile, child.pid);
  await waitUntilAnswering(s, child.pid);
  await ensureTopics(kafkaBootstrap(s), progress);
  const startupMs = Date.now() - t0;
  progress(`Kafka is up in ${(startupMs / 1000).toFixed(1)} s`);
  return { alreadyRunning: false, startupMs, formatted };
}

/** SIGTERM is Kafka's controlled shutdown (it flushes and closes its logs); 30 s before SIGKILL. */
export async function stopKafka(s: InstanceSettings, progress: Progress = () => undefined): Promise<boolean> {
  const stopped = await stopRecordedServer("Kafka", readPid(s), progress, undefined, 30_000);
  fs.rmSync(instancePaths(s).kafkaPidFile, { force: true });
  return stopped;
}

/** Deletes the broker's data (its topics and offsets): part of a lakehouse reset, after a stop. */
export function wipeKafka(s: InstanceSettings): void {
  fs.rmSync(instancePaths(s).kafkaDir, { recursive: true, force: true });
}
