/**
 * The result cache's snapshot on disk (PULSE_DASHBOARD_CACHE_FILE): written every few seconds
 * while results change, read once when a dashboard server starts. A server restarted after a crash
 * then answers its first requests from the last good results, marked stale with their age, or as
 * current when the data has not moved since, instead of a 503 while its cache is empty and Trino
 * is slow to answer. Written to a temporary file and renamed, so a crash mid-write leaves the last
 * whole snapshot. No `server-only` here, so the file format is unit-tested.
 */
import fs from "node:fs";
import path from "node:path";

/** Why a restored result is served as stale: the panel's stale badge says this until its own read. */
export class RestoredResultNotice extends Error {
  override readonly name = "RestoredResultNotice";
  constructor() {
    super("kept from before the dashboard server restarted; refreshing");
  }
}

export interface SnapshotEntry<T> {
  readonly key: string;
  readonly value: T;
  readonly fetchedAt: number;
}

interface SnapshotFile<T> {
  readonly format: 1;
  readonly savedAt: number;
  readonly entries: readonly SnapshotEntry<T>[];
}

/** Writes the entries that fit in `maxBytes` (newest first, as given); returns how many. */
export function writeSnapshot<T>(file: string, entries: readonly SnapshotEntry<T>[], maxBytes: number, now = Date.now()): number {
  const kept: string[] = [];
  let size = 0;
  for (const e of entries) {
    const json = JSON.stringify(e);
    if (size + json.length > maxBytes) break;
    kept.push(json);
    size += json.length + 1;
  }
  const text = `{"format":1,"savedAt":${now},"entries":[${kept.join(",")}]}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  return kept.length;
}

/**
 * The entries saved at most `maxAgeMs` ago; none when there is no file, it is older, or it cannot be
 * read (a snapshot is a convenience: a bad one is skipped, never fatal).
 */
export function readSnapshot<T>(file: string, maxAgeMs: number, now = Date.now()): SnapshotEntry<T>[] {
  let parsed: SnapshotFile<T>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8")) as SnapshotFile<T>;
  } catch {
    return [];
  }
  if (parsed?.format !== 1 || !Array.isArray(parsed.entries) || typeof parsed.savedAt !== "number" || now - parsed.savedAt > maxAgeMs) return [];
  return parsed.entries.filter((e) => typeof e?.key === "string" && typeof e.fetchedAt === "number" && e.value !== undefined);
}
