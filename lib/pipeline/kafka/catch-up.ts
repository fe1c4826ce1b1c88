/**
 * Ingests pulse.events up to the offsets its partitions end at now (or the given ends), batch after
 * batch, an interrupted batch first: what the live tick, the seed and a restart run.
 */
import { endOffsets } from "../../kafka/end-offsets";
import { TOPICS } from "../../kafka/topics";
import type { TrinoConnection } from "../../trino/client";
import { type IngestOptions, type IngestResult, runKafkaIngest } from "./ingest";

/** Every batch run until nothing was left below `ends`; `ends` defaults to the broker's end offsets now. */
export async function ingestToEnd(conn: TrinoConnection, bootstrap: string, opts: IngestOptions = {}, ends?: readonly number[]): Promise<IngestResult[]> {
  const until = ends ?? (await endOffsets(bootstrap, TOPICS.events.name, TOPICS.events.partitions));
  const out: IngestResult[] = [];
  for (;;) {
    const r = await runKafkaIngest(conn, until, opts);
    if (r.skipped) return out;
    out.push(r);
  }
}
