/**
 * `npm run soak:heap -- [--minutes 120] [--every 10]`: runs the live pipeline (simulated traffic ->
 * Kafka -> Bronze, CDC, the micro-batch, daily jobs, maintenance) against the running local
 * lakehouse, and every N minutes measures Trino's live heap (a full GC, then a class histogram: tools/trino/heap-probe.ts), to show whether something
 * in Trino grows with traffic. Issue 12's target: flat within 10 % over 2 hours at 10x the default
 * rate. The rate is the seeded world's, so seed for it first:
 *
 *   npm run lakehouse -- up && npm run lakehouse -- seed --days 1 --events-per-day 5000000
 *   npm run soak:heap -- --minutes 120
 *
 * Not beside `npm start` on the same instance: that runs the same live jobs, and two writers of one
 * simulation would publish every event twice. Prints one line per sample, then the curve's summary
 * (baseline = the first sample, taken after one interval of traffic); also writes the samples to
 * <instance dir>/soak-heap.csv, and each sample's 40 largest classes to soak-heap-minute-NNNN.txt.
 */
import fs from "node:fs";
import path from "node:path";
import { toolsConfig } from "../lib/config/tools";
import { connectionFor } from "../lib/lakehouse/connection";
import { instancePaths, instanceSettings, kafkaBootstrap } from "../lib/lakehouse/settings";
import { ingestToEnd } from "../lib/pipeline/kafka/catch-up";
import { LivePipeline } from "../lib/pipeline/runner/live";
import { loadIdentity, resumeSimulation } from "../lib/pipeline/runner/sim-state";
import { runQuery } from "../lib/trino/client";
import { positiveOption as option } from "../tools/process/cli-option";
import { histogramTop, liveHeapHistogram, parseHistogramTotalBytes } from "../tools/trino/heap-probe";

const log = (msg: string) => console.log(`${new Date().toISOString().slice(11, 19)} [soak] ${msg}`);

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

async function main(argv: readonly string[]): Promise<void> {
  const minutes = option(argv, "--minutes", 120);
  const everyMin = option(argv, "--every", 10);
  const s = instanceSettings("main");
  const identity = loadIdentity(s);
  if (!identity) throw new Error(`${s.dir} holds no seeded world (simulation.json); run 'npm run lakehouse -- seed --days 1 --events-per-day 5000000' first`);
  const writer = connectionFor(s, "writer");
  const bootstrap = kafkaBootstrap(s);
  await ingestToEnd(writer, bootstrap);
  const sim = await resumeSimulation(writer, identity);
  log(`world: ${identity.eventsPerDay.toLocaleString("en-US")} events/simulated day (${(identity.eventsPerDay / 500_000).toFixed(1)}x the default)`);
  const pipeline = new LivePipeline(writer, sim, () => undefined, {
    maintenanceRetention: s.maintenanceMinRetention,
    rtTtlDays: toolsConfig().PULSE_RT_TTL_DAYS,
    microBatchEveryMs: toolsConfig().PULSE_MICROBATCH_EVERY_SECONDS * 1000,
    kafkaBootstrap: bootstrap,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await pipeline.stop();
  };
  process.on("SIGINT", () => void stop().then(() => process.exit(130)));
  pipeline.start();

  const csv = path.join(s.dir, "soak-heap.csv");
  fs.writeFileSync(csv, "minute,heap_after_full_gc_mb,bronze_rows\n");
  const bronzeRows = async () => Number((await runQuery<{ n: number }>(writer, "SELECT count(*) AS n FROM lakehouse.bronze.raw_events")).rows[0]?.n ?? 0);
  const rows0 = await bronzeRows();
  const t0 = Date.now();
  const samples: { minute: number; heapMb: number }[] = [];
  for (let k = 1; k * everyMin <= minutes && !stopping; k++) {
    await new Promise((r) => setTimeout(r, t0 + k * everyMin * 60_000 - Date.now()));
    const histogram = liveHeapHistogram(instancePaths(s).pidFile);
    const heapMb = mb(parseHistogramTotalBytes(histogram));
    const rows = await bronzeRows();
    const minute = Math.round((Date.now() - t0) / 60_000);
    samples.push({ minute, heapMb });
    fs.appendFileSync(csv, `${minute},${heapMb},${rows}\n`);
    // The 40 largest classes of each sample, so a rise can be traced to what grew (diff two files).
    fs.writeFileSync(path.join(s.dir, `soak-heap-minute-${String(minute).padStart(4, "0")}.txt`), `${histogramTop(histogram, 40)}\n`);
    log(`minute ${minute}: Trino live heap after a full GC ${heapMb} MB; Bronze +${(rows - rows0).toLocaleString("en-US")} events since the start`);
  }
  await stop();
  const base = samples[0];
  if (!base) return;
  const heaps = samples.map((x) => x.heapMb);
  const max = Math.max(...heaps);
  const min = Math.min(...heaps);
  const last = heaps[heaps.length - 1] ?? base.heapMb;
  log(
    `summary over ${samples.length} samples: baseline ${base.heapMb} MB (minute ${base.minute}), min ${min} MB, max ${max} MB, last ${last} MB; ` +
      `max/baseline ${(max / base.heapMb).toFixed(3)}, last/baseline ${(last / base.heapMb).toFixed(3)} (flat within 10 % means both <= 1.100); samples in ${csv}`,
  );
}

main(process.argv.slice(2))
  .then(() => process.exit(0))
  .catch((err: unknown) => {
    console.error(`[soak] error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
