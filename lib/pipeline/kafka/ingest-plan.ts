/**
 * The pure part of the Kafka ingest (ingest.ts): which offsets a batch reads, and how its ranges are
 * kept in a checkpoint's detail and bound into the job statements. Unit-tested.
 */
import { z } from "zod";

/** [partition, from (inclusive), to (exclusive)]. */
export type OffsetRange = readonly [partition: number, from: number, to: number];

const Detail = z.object({ ranges: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(0)])) });

export const rangesDetail = (ranges: readonly OffsetRange[]): string => JSON.stringify({ ranges });

/** The ranges a checkpoint's detail holds; throws on anything else (a checkpoint this code did not write). */
export function rangesOf(detail: string | null): OffsetRange[] {
  const parsed = Detail.safeParse(detail === null ? null : JSON.parse(detail));
  if (!parsed.success) throw new Error(`a Kafka ingest checkpoint without offset ranges: ${String(detail).slice(0, 200)}`);
  return parsed.data.ranges.map(([p, a, b]) => [p, a, b] as const);
}

export const recordsIn = (ranges: readonly OffsetRange[]): number => ranges.reduce((n, [, a, b]) => n + (b - a), 0);

/**
 * The next batch's ranges: per partition from where the last committed batch ended (0 before the
 * first) to the partition's end offset, at most `maxPerPartition` records. Each partition is listed,
 * empty ones with from = to, so the statement's branch for it reads nothing.
 */
export function nextRanges(done: readonly OffsetRange[] | undefined, ends: readonly number[], maxPerPartition: number): OffsetRange[] {
  return ends.map((end, p) => {
    const from = done?.find(([q]) => q === p)?.[2] ?? 0;
    if (end < from) throw new Error(`partition ${p} ends at offset ${end}, before the ${from} already ingested: was the topic deleted and made again?`);
    return [p, from, Math.min(end, from + maxPerPartition)] as const;
  });
}

/** The statements' :fromN/:toN values for partitions 0..partitions-1 (the statements have one branch each). */
export function rangeParams(ranges: readonly OffsetRange[], partitions: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let p = 0; p < partitions; p++) {
    const r = ranges.find(([q]) => q === p);
    out[`from${p}`] = r?.[1] ?? 0;
    out[`to${p}`] = r?.[2] ?? 0;
  }
  for (const [p] of ranges) if (p >= partitions) throw new Error(`partition ${p} has no branch in the ingest statements (they read ${partitions})`);
  return out;
}
