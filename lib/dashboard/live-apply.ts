/**
 * What a live-stream event does to react-query's cache, decided without touching it: the entries to
 * write (under the keys the panels read, so they stay plain useQuery readers), or that the client
 * must reconnect for a snapshot (a delta built on another version than the one on screen, or one it
 * cannot apply). Pure; components/live/use-live-stream.ts carries it out.
 */
import type { Envelope } from "./envelope";
import type { DeltaMessage, SnapshotMessage } from "./live-messages";
import { applyPointsDelta } from "./series-delta";

type Key = readonly unknown[];
/** The stream's panel names -> the react-query keys of the page's panels. */
export type PanelKeys = Readonly<Record<string, Key>>;
export type ReadCache = (key: Key) => Envelope<unknown> | undefined;

export type Plan =
  | { readonly ok: true; readonly version: string; readonly writes: readonly (readonly [Key, Envelope<unknown>])[] }
  | { readonly ok: false; readonly reason: string };

/** A snapshot replaces every panel it carries; panels this page does not show are ignored. */
export function planSnapshot(msg: SnapshotMessage, keys: PanelKeys): Plan {
  const writes = Object.entries(msg.panels).flatMap(([panel, envelope]) => (keys[panel] ? [[keys[panel], envelope] as const] : []));
  return { ok: true, version: msg.version, writes };
}

type Points = readonly { readonly t: number }[];

/** A series' data is its points (a video's minutes) or an object holding them (the platform series, whose bucket stays). */
function withPoints(data: unknown, apply: (points: Points) => Points): unknown | undefined {
  if (Array.isArray(data)) return apply(data as Points);
  if (typeof data === "object" && data !== null && Array.isArray((data as { points?: unknown }).points)) {
    return { ...data, points: apply((data as { points: Points }).points) };
  }
  return undefined;
}

/** A delta applies only on top of `current`, the version on screen; else nothing is written and the client resyncs. */
export function planDelta(msg: DeltaMessage, current: string | null, keys: PanelKeys, read: ReadCache): Plan {
  if (current === null || msg.base !== current) return { ok: false, reason: `delta from ${msg.base}, but the page shows ${current ?? "no version"}` };
  const writes: (readonly [Key, Envelope<unknown>])[] = [];
  for (const [panel, delta] of Object.entries(msg.panels)) {
    const key = keys[panel];
    if (!key) continue;
    if (delta.kind === "full") {
      writes.push([key, delta.envelope]);
      continue;
    }
    const cached = read(key);
    const data = cached && withPoints(cached.data, (points) => applyPointsDelta(points, delta.dropBefore, delta.upsert));
    if (data === undefined) return { ok: false, reason: `points for ${panel}, which has no series on screen` };
    writes.push([key, { data, meta: delta.meta }]);
  }
  return { ok: true, version: msg.version, writes };
}

/**
 * The version to resume from after server rendering (`?since=`): the one every panel of the stream
 * was loaded at, or null (some panel missing or unversioned, or loaded at different versions).
 */
export function resumeVersion(keys: PanelKeys, read: ReadCache): string | null {
  const versions = Object.values(keys).map((k) => read(k)?.meta.version);
  const first = versions[0];
  return first !== undefined && versions.every((v) => v === first) ? first : null;
}
