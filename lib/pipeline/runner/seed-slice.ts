import { DAY_MS } from "./simulation-source";

/**
 * Events a seed slice may hold: a slice's simulated events are all in memory at once (their Kafka
 * records are encoded a send at a time). At 5 million events a day, 6-hour slices of about 1.25
 * million (the seed process peaked at 2.6 GB RSS) took the seed from 39,600 to 45,400 events/s
 * against 2-hour slices: each ingest batch pays seconds of fixed Trino cost, mostly compiling its
 * generated filters.
 */
export const MAX_EVENTS_PER_SLICE = 1_300_000;

/**
 * The seed's slice: a whole day at the default rate (about 500,000 events, one ingest batch, so each
 * batch's fixed cost of checkpoints, planning and an Iceberg commit is paid once a day), and a
 * divisor of the day at higher rates, so a slice stays near MAX_EVENTS_PER_SLICE whatever the rate
 * (5 million events a day in one slice would hold four times that memory) and slices still end at midnight.
 */
export function seedSliceMs(eventsPerDay: number): number {
  const perDay = [1, 2, 3, 4, 6, 8, 12, 24, 48, 96].find((n) => eventsPerDay / n <= MAX_EVENTS_PER_SLICE) ?? 96;
  return DAY_MS / perDay;
}
