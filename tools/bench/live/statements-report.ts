/**
 * Section 3: the Trino statements the dashboard sent while 1, 50, 1,000 viewers watched one Pulse
 * view (each SSE and polling phase), per minute and per micro-batch commit in the window, named by
 * their sql/queries file (statements.ts), the live watcher's own statement and health checks included.
 */
import { int, ms1 } from "../format";
import { out } from "../report";
import { maximum, median } from "../stats";
import { labelThenFigures, table } from "../table";
import type { Batch } from "./batches";
import { DASHBOARD_SOURCE, type Statement, type StatementPattern, type StatementSampler, statementHead, statementName } from "./statements";

export interface WatchWindow {
  readonly label: string;
  readonly fromMs: number;
  readonly toMs: number;
}

const nameOf = (s: Statement, patterns: readonly StatementPattern[]) => statementName(s.text, patterns) ?? "(not from sql/queries)";

function countBy<T>(xs: readonly T[], key: (x: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export interface WindowStatements {
  readonly window: WatchWindow;
  readonly count: number;
  readonly perMinute: number;
  readonly commits: number | undefined;
}

export function reportStatements(
  windows: readonly WatchWindow[],
  sampler: StatementSampler,
  patterns: readonly StatementPattern[],
  batches: readonly Batch[] | undefined,
): WindowStatements[] {
  out(`## 3. Trino statements with source '${DASHBOARD_SOURCE}' (system.runtime.queries, sampled every 0.5 s as admin) per watching phase`);
  out();
  const results: WindowStatements[] = [];
  const rows: string[][] = [];
  const all: Statement[] = [];
  const notes: string[] = [];
  for (const w of windows) {
    const { statements, coverage, lastError } = sampler.window(w.fromMs, w.toMs);
    all.push(...statements);
    const minutes = (w.toMs - w.fromMs) / 60_000;
    const commits = batches?.filter((b) => b.committedMs !== null && b.committedMs >= w.fromMs && b.committedMs <= w.toMs).length;
    results.push({ window: w, count: statements.length, perMinute: statements.length / minutes, commits });
    rows.push([
      w.label,
      (minutes * 60).toFixed(0),
      commits === undefined ? "n/a" : String(commits),
      int(statements.length),
      (statements.length / minutes).toFixed(1),
      commits ? (statements.length / commits).toFixed(1) : "n/a",
      countBy(statements, (s) => nameOf(s, patterns))
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "-",
    ]);
    if (coverage.longGaps > 0 || coverage.errors > 0)
      notes.push(
        `  ${w.label}: ${coverage.samples} reads, ${coverage.errors} failed${lastError ? ` (${lastError.slice(0, 120)})` : ""}, longest gap ${(coverage.maxGapMs / 1000).toFixed(1)} s, ${coverage.longGaps} gaps over 1 s in which a short statement could have been missed`,
      );
  }
  for (const l of table(["phase", "window s", "commits", "statements", "per min", "per commit", "by statement"], rows, [...labelThenFigures(6), "left"]))
    out(`  ${l}`);
  out("  SSE windows start once every subscriber has its snapshot (the view's first load is not counted); poll windows after the warm-up.");
  out();
  out(notes.length ? "  sampling gaps:" : "  sampling: no gap over 1 s between reads in any window (every statement listed was seen)");
  for (const n of notes) out(n);
  out();
  out("  distinct statements over these phases (first 60 characters, whitespace collapsed); time in Trino = end - created:");
  const key = (s: Statement) => `${nameOf(s, patterns)}\u0000${statementHead(s.text)}`;
  const distinct = countBy(all, key);
  for (const l of table(
    ["count", "p50 ms in Trino", "max ms", "p50 ms queued", "sql/queries file", "statement"],
    distinct.map(([k, v]) => {
      const [name, head] = k.split("\u0000") as [string, string];
      const mine = all.filter((s) => key(s) === k);
      const took = mine.flatMap((s) => (s.endMs === undefined ? [] : [s.endMs - s.createdMs]));
      return [String(v), ms1(median(took)), ms1(maximum(took)), ms1(median(mine.map((s) => s.queuedMs))), name, head];
    }),
    ["right", "right", "right", "right", "left", "left"],
  ))
    out(`  ${l}`);
  out();
  return results;
}
