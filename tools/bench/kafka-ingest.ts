/**
 * The seed's two halves apart, on the test instance (start it with `npm run lakehouse -- up --instance test`;
 * `npm test` wipes it, so nothing here touches the demo):
 *   npm run bench:kafka-ingest -- [days=3]   (Node with the publisher's young generation, as npm start has it)
 * Per simulated day at the default rate (about 510,000 events): how fast the simulator and the
 * publisher put it on pulse.events (simulate + encode + send, acknowledged by the broker), then, with
 * nothing else running, how fast the Kafka ingest moves it into Bronze (the seed's backfill batch:
 * checkpoints, the Bronze insert, one Iceberg commit). Prints each day and the medians. The whole
 * seed overlaps the two on the same cores, so its rate is below both.
 * It also prints what each half costs in CPU (this process, the broker and Trino, from /proc), and so
 * how many cores a rate such as issue 12's 100,000 events/s would take at that cost.
 */
import os from "node:os";
import { endOffsets } from "../../lib/kafka/end-offsets";
import { eventRecord } from "../../lib/kafka/event-record";
import { KafkaPublisher, lazyMap } from "../../lib/kafka/publisher";
import { TOPICS } from "../../lib/kafka/topics";
import { connectionFor } from "../../lib/lakehouse/connection";
import { instancePaths, instanceSettings, kafkaBootstrap } from "../../lib/lakehouse/settings";
import { ingestToEnd } from "../../lib/pipeline/kafka/catch-up";
import { DAY_MS, startSimulation, toBronze, utcMidnight } from "../../lib/pipeline/runner/simulation-source";
import { readPidFile } from "../process/pid-file";
import { type CpuSample, cpuBetween, sampleCpu } from "./cpu-time";
import { out } from "./report";
import { codeLine, machineLine, softwareLine } from "./run-facts";
import { median } from "./stats";

const days = Number(process.argv[2] ?? 3);
const s = instanceSettings("test");
const bootstrap = kafkaBootstrap(s);
const writer = connectionFor(s, "writer");
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const TARGET_EVENTS_PER_S = 100_000;
const pids = { kafka: readPidFile(instancePaths(s).kafkaPidFile), trino: readPidFile(instancePaths(s).pidFile) };
const cpuNow = () => sampleCpu(pids);
const sum = (c: CpuSample) => Object.values(c).reduce((a, b) => a + b, 0);
const add = (a: CpuSample, b: CpuSample): CpuSample => Object.fromEntries(Object.keys(b).map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
const cpuText = (c: CpuSample) =>
  `${Object.entries(c)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(", ")} CPU-s`;

async function main(): Promise<void> {
  out(machineLine());
  out(softwareLine());
  out(codeLine());
  // Whatever the topic holds from before goes in first, so each day's ingest reads that day only.
  await ingestToEnd(writer, bootstrap, { backfill: true, timeoutMs: 600_000 });
  const start = utcMidnight(Date.now()) - (days + 30) * DAY_MS;
  const sim = startSimulation({ seed: 7, startMs: start, videos: 2_000, users: 50_000, eventsPerDay: 500_000 });
  const publisher = new KafkaPublisher(bootstrap, "pulse-bench");
  const published: number[] = [];
  const ingested: number[] = [];
  let events = 0;
  let publishCpu: CpuSample = {};
  let ingestCpu: CpuSample = {};
  try {
    for (let d = 1; d <= days; d++) {
      const c0 = cpuNow();
      const t0 = performance.now();
      const slice = sim.advance(start + d * DAY_MS);
      const now = Date.now();
      await publisher.publish(lazyMap(slice.events, (e) => eventRecord(toBronze(e), e.deliverAtMs, now)));
      const t1 = performance.now();
      const c1 = cpuNow();
      const ends = await endOffsets(bootstrap, TOPICS.events.name, TOPICS.events.partitions);
      const t2 = performance.now();
      const c2 = cpuNow();
      const runs = await ingestToEnd(writer, bootstrap, { backfill: true, timeoutMs: 600_000 }, ends);
      const t3 = performance.now();
      const c3 = cpuNow();
      events += slice.events.length;
      publishCpu = add(publishCpu, cpuBetween(c0, c1));
      ingestCpu = add(ingestCpu, cpuBetween(c2, c3));
      const rows = runs.reduce((n, r) => n + r.bronzeRows, 0);
      published.push(rate(slice.events.length, t1 - t0));
      ingested.push(rate(rows, t3 - t2));
      out(
        `day ${d}: ${slice.events.length.toLocaleString("en-US")} events; simulate+publish ${((t1 - t0) / 1000).toFixed(1)} s (${published.at(-1)!.toLocaleString("en-US")}/s); ` +
          `ingest into Bronze ${((t3 - t2) / 1000).toFixed(1)} s (${ingested.at(-1)!.toLocaleString("en-US")}/s, ${runs.length} batch${runs.length === 1 ? "" : "es"}); ` +
          `${cpuText(add(cpuBetween(c0, c1), cpuBetween(c2, c3)))}`,
      );
    }
  } finally {
    await publisher.close();
  }
  out(
    `median over ${days} days: simulate+publish ${median(published).toLocaleString("en-US")} events/s, Kafka ingest into Bronze ${median(ingested).toLocaleString("en-US")} events/s`,
  );
  // Events per CPU-second of each half and of the whole path: what a rate costs in cores.
  const perCpu = (c: CpuSample) => Math.round(events / sum(c));
  const whole = add(publishCpu, ingestCpu);
  out(`CPU, simulate+publish: ${cpuText(publishCpu)}; ${perCpu(publishCpu).toLocaleString("en-US")} events per CPU-second`);
  out(`CPU, ingest into Bronze: ${cpuText(ingestCpu)}; ${perCpu(ingestCpu).toLocaleString("en-US")} events per CPU-second`);
  out(
    `CPU, whole path: ${perCpu(whole).toLocaleString("en-US")} events per CPU-second, so ${TARGET_EVENTS_PER_S.toLocaleString("en-US")} events/s takes ${(TARGET_EVENTS_PER_S / perCpu(whole)).toFixed(1)} cores at this cost (this machine: ${os.availableParallelism()})`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench-kafka-ingest: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
