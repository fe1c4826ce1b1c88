/**
 * The live stream's events (/api/live/pulse, /api/live/videos/<id>: `snapshot`, `delta` and `status`, each
 * with the version as its id), read defensively in the browser without zod: a message that does not have the
 * expected shape reads as null, and the client then reconnects for a fresh snapshot.
 */
import type { Envelope, ResultMeta } from "./envelope";

export interface SnapshotMessage {
  readonly version: string;
  readonly panels: Readonly<Record<string, Envelope<unknown>>>;
}

export type PanelDelta =
  | { readonly kind: "full"; readonly envelope: Envelope<unknown> }
  | { readonly kind: "points"; readonly meta: ResultMeta; readonly dropBefore: number; readonly upsert: readonly { readonly t: number }[] };

export interface DeltaMessage {
  readonly version: string;
  readonly base: string;
  readonly panels: Readonly<Record<string, PanelDelta>>;
}

export interface StatusMessage {
  readonly state: "live" | "degraded";
  readonly reason?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isEnvelope = (v: unknown): v is Envelope<unknown> => isObject(v) && "data" in v && isObject(v.meta);

function json(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

function isPanelDelta(v: unknown): v is PanelDelta {
  if (!isObject(v)) return false;
  if (v.kind === "full") return isEnvelope(v.envelope);
  return (
    v.kind === "points" &&
    isObject(v.meta) &&
    typeof v.dropBefore === "number" &&
    Array.isArray(v.upsert) &&
    v.upsert.every((p) => isObject(p) && typeof p.t === "number")
  );
}

export function parseSnapshot(data: string): SnapshotMessage | null {
  const m = json(data);
  if (!isObject(m) || typeof m.version !== "string" || !isObject(m.panels) || !Object.values(m.panels).every(isEnvelope)) return null;
  return m as unknown as SnapshotMessage;
}

export function parseDelta(data: string): DeltaMessage | null {
  const m = json(data);
  if (!isObject(m) || typeof m.version !== "string" || typeof m.base !== "string" || !isObject(m.panels)) return null;
  return Object.values(m.panels).every(isPanelDelta) ? (m as unknown as DeltaMessage) : null;
}

export function parseStatus(data: string): StatusMessage | null {
  const m = json(data);
  if (!isObject(m) || (m.state !== "live" && m.state !== "degraded")) return null;
  return { state: m.state, ...(typeof m.reason === "string" ? { reason: m.reason } : {}) };
}
