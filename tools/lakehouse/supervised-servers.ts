/**
 * The servers of one local instance as the supervisor sees them (supervisor.ts): each checked by
 * the pid its own pid file records, each restarted by the same start the lakehouse command runs,
 * in the order the lakehouse starts them (stack.ts): PostgreSQL, S3Proxy (s3 profile), Kafka, Trino.
 */
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";
import { storageOf } from "../../lib/lakehouse/storage-profile";
import { startKafka } from "../kafka/server";
import { postgresPid, startPostgres } from "../postgres/server";
import { alive, readPidFile } from "../process/pid-file";
import { startS3Proxy } from "../s3proxy/server";
import { start as startTrino } from "../trino/server";
import type { SupervisedServer } from "./supervisor";

const pidAlive = (file: string) => {
  const pid = readPidFile(file);
  return pid !== undefined && alive(pid);
};

export function supervisedServers(s: InstanceSettings, progress: (line: string) => void): SupervisedServer[] {
  const p = instancePaths(s);
  const s3 = storageOf(s) === "s3";
  const workers = Array.from({ length: s.workers }, (_, i) => i);
  const servers: SupervisedServer[] = [
    {
      name: "postgres",
      label: "PostgreSQL",
      needs: [],
      logFile: p.pgLog,
      alive: () => {
        const pid = postgresPid(s);
        return pid !== undefined && alive(pid);
      },
      restart: async () => void (await startPostgres(s, progress)),
    },
  ];
  if (s3) {
    servers.push({
      name: "s3proxy",
      label: "S3Proxy",
      needs: [],
      logFile: p.s3Log,
      alive: () => pidAlive(p.s3PidFile),
      restart: async () => void (await startS3Proxy(s, progress)),
    });
  }
  servers.push(
    {
      name: "kafka",
      label: "Kafka",
      needs: [],
      logFile: p.kafkaLog,
      alive: () => pidAlive(p.kafkaPidFile),
      restart: async () => void (await startKafka(s, progress)),
    },
    {
      name: "trino",
      label: s.workers === 0 ? "Trino" : `Trino (coordinator and ${s.workers} worker${s.workers === 1 ? "" : "s"})`,
      needs: s3 ? ["postgres", "s3proxy"] : ["postgres"],
      logFile: p.serverLog,
      // A dead worker counts: the coordinator's start brings back the workers that are missing.
      alive: () => pidAlive(p.pidFile) && workers.every((i) => pidAlive(p.workerPidFile(i))),
      restart: async () => void (await startTrino(s, progress)),
    },
  );
  return servers;
}
