/**
 * The live stream's events (Server-Sent Events), shared by the server that writes them and the
 * browser that applies them. One stream per open page carries all its live panels:
 * - `snapshot`: every panel's full envelope, on connect and whenever a delta cannot be given;
 * - `delta`: only the panels that changed since `base`, the version the client must be at;
 *   a series panel sends only its new and corrected points;
 * - `status`: whether the server can currently reach Trino.
 * Each snapshot and delta carries the version as its SSE id, so a reconnect resumes from it.
 */
import type { Envelope, ResultMeta } from "./envelope";
import { applySeriesDelta } from "./series-delta";

export type PanelEnvelopes = Readonly<Record<string, Envelope<unknown>>>;

export interface SnapshotEvent {
  readonly version: string;
  readonly panels: PanelEnvelopes;
}

/** A point of a time series panel: what `points` deltas replace by `t`. */
export interface TimedPoint {
  readonly t: number;
}

export type PanelDelta =
  | { readonly kind: "full"; readonly envelope: Envelope<unknown> }
  | {
      readonly kind: "points";
      readonly meta: ResultMeta;
      /** Points before this instant leave the panel (the window slid past them). */
      readonly dropBefore: number;
      /** New points and points whose values changed (late events), by t. */
      readonly upsert: readonly TimedPoint[];
    };

export interface DeltaEvent {
  readonly version: string;
  readonly base: string;
  readonly panels: Readonly<Record<string, PanelDelta>>;
}

export interface StatusEvent {
  readonly state: "live" | "degraded";
  readonly reason?: string;
}

/**
 * A series panel's points, whichever of the two shapes it has: the Pulse chart's `{ bucket, points }`
 * or the video page's plain array of minutes.
 */
export function pointsOf(data: unknown): readonly TimedPoint[] | undefined {
  if (Array.isArray(data)) return data as TimedPoint[];
  const points = (data as { points?: unknown } | null)?.points;
  return Array.isArray(points) ? (points as TimedPoint[]) : undefined;
}

export function withPoints(data: unknown, points: readonly TimedPoint[]): unknown {
  return Array.isArray(data) ? points : { ...(data as object), points };
}

/** Drops points before `dropBefore`, replaces points with the same t, inserts new ones; sorted by t (series-delta.ts). */
export function applyPoints<P extends TimedPoint>(points: readonly P[], dropBefore: number, upsert: readonly P[]): P[] {
  return applySeriesDelta(points, { dropBefore, upsert });
}

/** The envelope after a delta; `undefined` when the delta needs a base the client does not have. */
export function applyPanelDelta(prev: Envelope<unknown> | undefined, delta: PanelDelta): Envelope<unknown> | undefined {
  if (delta.kind === "full") return delta.envelope;
  const points = prev ? pointsOf(prev.data) : undefined;
  if (!prev || !points) return undefined;
  return { data: withPoints(prev.data, applyPoints(points, delta.dropBefore, delta.upsert)), meta: delta.meta };
}
