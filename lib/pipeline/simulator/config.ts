/**
 * Simulator configuration. Every knob has a default, so `parseSimulatorConfig({})` is the default
 * platform: 2,000 videos, 50,000 users, ~2.2 million events per simulated day.
 *
 * The default start is a fixed instant, never "now": the same config must replay the same bytes.
 * A live writer passes its own start (e.g. the UTC midnight eight days ago) explicitly.
 */
import { z } from "zod";

export const DEFAULT_START_MS = Date.UTC(2025, 0, 1);
/** Ids are zero-padded to 6 digits so they sort by upload order; beyond this they would not. */
export const MAX_VIDEOS = 999_999;

const share = (fallback: number) => z.number().min(0).max(1).default(fallback);
const perHour = (fallback: number) => z.number().min(0).max(10_000).default(fallback);

export const SimulatorConfigSchema = z.strictObject({
  /** Seed of every random stream (uint32). */
  seed: z.number().int().min(0).max(0xffff_ffff).default(42),
  /** Simulation start, epoch ms (UTC). The first event is at or after it. */
  startMs: z
    .number()
    .int()
    .min(Date.UTC(2000, 0, 1))
    .max(Date.UTC(2200, 0, 1))
    .default(DEFAULT_START_MS),
  /** Videos in the catalog at the start (more are uploaded during the run). */
  videos: z.number().int().min(10).max(500_000).default(2_000),
  /** Registered users (fixed population). */
  users: z.number().int().min(100).max(5_000_000).default(50_000),
  /**
   * Target mean of events per simulated day (duplicates included). The session arrival rate is
   * derived from it; the daily cycle spreads it over the day (peak 20:00 UTC).
   */
  eventsPerDay: z.number().min(1_000).max(1e9).default(2_200_000),
  /** The initial catalog's upload times are spread over this many days before the start. */
  catalogDays: z.number().min(1).max(3_650).default(30),
  /** Exponent s of the Zipf popularity law: the video of rank r has weight r^-s. */
  zipfExponent: z.number().min(0).max(3).default(1.1),
  /** Share of users who are creators (every video's creator_id is one of them). */
  creatorShare: z.number().min(0.0001).max(1).default(0.03),
  /**
   * Viral episodes start at a rate of viralShare x (initial catalog size) per simulated day (the
   * default: 40 a day for 2,000 videos); each rises for 1-8 hours and fades over the next 5-20,
   * so roughly this share of the catalog is in an episode at any moment.
   */
  viralShare: share(0.02),
  /** Share of events delivered a second time (same event_id, same content), seconds to minutes later. */
  duplicateShare: share(0.005),
  /** Share of events delivered 2 to 10 minutes late. */
  lateShare: share(0.01),
  /** Share of events whose payload also carries vr_headset_model (schema evolution test). 0 = never. */
  vrHeadsetShare: share(0),
  /** Share of the initial catalog already banned before the start. */
  initialBannedShare: share(0.005),
  /** Dimension change rates during the run (Poisson processes). */
  uploadsPerHour: perHour(4),
  categoryChangesPerHour: perHour(0.2),
  bansPerHour: perHour(0.1),
  ltvChangesPerHour: perHour(4),
});

export type SimulatorConfig = z.output<typeof SimulatorConfigSchema>;
export type SimulatorConfigInput = z.input<typeof SimulatorConfigSchema>;

export function parseSimulatorConfig(input: SimulatorConfigInput = {}): SimulatorConfig {
  return SimulatorConfigSchema.parse(input);
}
