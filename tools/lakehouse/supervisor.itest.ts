/**
 * The supervisor against the test instance's real servers: PostgreSQL, Kafka and the Trino
 * coordinator are killed with SIGKILL at once; the supervisor brings each back (restarts run side by
 * side, so Trino's 20 s start-up does not hold up the others), and the lakehouse answers again: a
 * catalog query through Trino and the broker's end offsets.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { before, test } from "node:test";
import { endOffsets } from "../../lib/kafka/end-offsets";
import { TOPICS } from "../../lib/kafka/topics";
import { instancePaths, kafkaBootstrap } from "../../lib/lakehouse/settings";
import { readSupervisionStatus, type SupervisionStatus, writeSupervisionStatus } from "../../lib/supervision/status";
import { postgresPid } from "../postgres/server";
import { readPidFile } from "../process/pid-file";
import { q, requireTestInstance, testInstance } from "../testing/trino-fixtures";
import { supervisedServers } from "./supervised-servers";
import { Supervisor } from "./supervisor";

before(requireTestInstance);

async function until(what: string, ok: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - t0;
}

test("PostgreSQL, Kafka and Trino killed with SIGKILL are restarted and the lakehouse answers again", async () => {
  const p = instancePaths(testInstance);
  const statusFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pulse-supervision-")), "supervision.json");
  const lines: string[] = [];
  const sup = new Supervisor(
    supervisedServers(testInstance, () => undefined),
    (l) => lines.push(l),
    (st: SupervisionStatus) => writeSupervisionStatus(statusFile, st),
  );
  sup.start();
  try {
    const pids = {
      postgres: postgresPid(testInstance)!,
      kafka: readPidFile(p.kafkaPidFile)!,
      trino: readPidFile(p.pidFile)!,
    };
    for (const pid of Object.values(pids)) process.kill(pid, "SIGKILL");
    const allUp = () => readSupervisionStatus(statusFile)?.servers.every((s) => s.state === "up" && s.restarts === 1) === true;
    const ms = await until("every server back up", allUp, 150_000).catch((err: Error) => {
      throw new Error(`${err.message}; the supervisor said:\n${lines.join("\n")}`);
    });
    const st = readSupervisionStatus(statusFile)!;
    assert.deepEqual(
      st.servers.map((s) => [s.name, s.state, s.restarts]),
      [
        ["postgres", "up", 1],
        ["kafka", "up", 1],
        ["trino", "up", 1],
      ],
    );
    for (const s of st.servers) assert.ok((s.lastRecoveryMs ?? Infinity) <= ms + 2_000, `${s.name} recovered in ${s.lastRecoveryMs} ms`);
    console.log(
      `recovery after SIGKILL: ${st.servers.map((s) => `${s.name} ${((s.lastRecoveryMs ?? 0) / 1000).toFixed(1)} s`).join(", ")}; all up ${(ms / 1000).toFixed(1)} s after the kills`,
    );
    assert.notEqual(readPidFile(p.pidFile), pids.trino);
    assert.equal(sup.pausedBy(), undefined);
    // The lakehouse answers: a catalog read through Trino, and the broker.
    const tables = await q("admin", "SELECT count(*) AS n FROM lakehouse.information_schema.tables WHERE table_schema = 'bronze'");
    assert.ok(Number((tables.rows[0] as { n: number }).n) >= 2);
    assert.equal((await endOffsets(kafkaBootstrap(testInstance), TOPICS.events.name, TOPICS.events.partitions)).length, TOPICS.events.partitions);
  } finally {
    await sup.stop();
  }
});
