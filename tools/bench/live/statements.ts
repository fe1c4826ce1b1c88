/**
 * Which Trino statements the dashboard sends, counted from Trino's side: system.runtime.queries
 * rows with the dashboard's source ('pulse-dashboard', lib/server/data.ts), read as admin. The demo
 * Trino forgets a finished query a second after it ends once five newer ones have finished
 * (query.min-expire-age 1s, query.max-history 5), so a sampler reads the list every half second for
 * the whole run and keeps every query_id it sees; a phase then counts those created inside its
 * window. Where two reads were more than a second apart, a query could have come and gone between
 * them: the report says how many such gaps there were. Each statement is named after the
 * sql/queries file it was bound from.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { REPO_ROOT } from "../../../lib/lakehouse/settings";
import { parseRows } from "../../../lib/server/typed-rows";
import { bindSql } from "../../../lib/trino/bind";
import { runQuery, type TrinoConnection } from "../../../lib/trino/client";
import { loadStatement } from "../../../lib/trino/sql-files";
import { sleep } from "../report";

export const DASHBOARD_SOURCE = "pulse-dashboard";
/** A finished query stays listed at least this long (query.min-expire-age of the demo). */
export const LISTED_FOR_MS = 1_000;

export interface Statement {
  readonly queryId: string;
  readonly createdMs: number;
  /** When it ended, once a read saw it finished. */
  endMs: number | undefined;
  queuedMs: number;
  readonly text: string;
}

const Row = z.object({
  query_id: z.string(),
  created_ms: z.number(),
  end_ms: z.number().nullable(),
  queued_ms: z.number(),
  state: z.string(),
  text: z.string(),
});

/** A statement file as a pattern: its text with whitespace collapsed, each `:placeholder` matching any bound value. */
export interface StatementPattern {
  readonly name: string;
  readonly pattern: RegExp;
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function statementPattern(name: string, sql: string): StatementPattern {
  const parts = collapse(sql).split(/:[A-Za-z_][A-Za-z0-9_]*/);
  return { name, pattern: new RegExp(`^${parts.map(escapeRe).join(".*?")}`, "s") };
}

/** The patterns of every statement the dashboard can send (sql/queries/*.sql). */
export function dashboardPatterns(dir = path.join(REPO_ROOT, "sql", "queries")): StatementPattern[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      return statementPattern(name, loadStatement(dir, name));
    });
}

/**
 * Which file a statement was bound from: the pattern matching its (possibly truncated) text, or
 * undefined. A statement cut off before a file's end is matched against the part it has.
 */
export function statementName(text: string, patterns: readonly StatementPattern[]): string | undefined {
  const t = collapse(text);
  return patterns.find((p) => p.pattern.test(t))?.name;
}

/** First `n` characters of a statement, whitespace collapsed: how the report shows unnamed ones. */
export const statementHead = (text: string, n = 60) => collapse(text).slice(0, n);

export interface Coverage {
  readonly samples: number;
  readonly errors: number;
  /** Longest time between the start of one read and the end of the next, ms. */
  readonly maxGapMs: number;
  /** Gaps longer than LISTED_FOR_MS: a short query may have been missed inside each. */
  readonly longGaps: number;
}

interface Read {
  readonly start: number;
  readonly end: number;
  readonly ok: boolean;
}

/**
 * How well the reads covered [from, to]: every gap between consecutive successful reads, measured
 * from one read's start to the next one's end (where each read's snapshot could lie furthest apart),
 * from the window's start to the first read, through the first read that started after the window
 * (it still lists queries created at its end). Failed reads count as errors and cover nothing.
 */
export function coverageOf(reads: readonly Read[], fromMs: number, toMs: number): Coverage {
  const gaps: number[] = [];
  let prevStart = fromMs;
  let samples = 0;
  let errors = 0;
  let closed = false;
  for (const r of [...reads].sort((a, b) => a.start - b.start)) {
    if (r.end < fromMs) continue;
    if (!r.ok) {
      if (r.start <= toMs) errors += 1;
      continue;
    }
    if (r.start <= toMs) samples += 1;
    gaps.push(r.end - prevStart);
    prevStart = r.start;
    if (r.start > toMs) {
      closed = true;
      break;
    }
  }
  if (!closed) gaps.push(toMs - prevStart);
  return { samples, errors, maxGapMs: Math.max(...gaps), longGaps: gaps.filter((g) => g > LISTED_FOR_MS).length };
}

export class StatementSampler {
  private readonly seen = new Map<string, Statement>();
  private readonly reads: Read[] = [];
  private running = false;
  private loop: Promise<void> | undefined;
  private lastError: string | undefined;

  constructor(
    private readonly conn: TrinoConnection,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const sql = bindSql(loadStatement(path.join(REPO_ROOT, "tools", "bench", "sql"), "live_statements"), { source: DASHBOARD_SOURCE });
    this.loop = (async () => {
      while (this.running) {
        const start = Date.now();
        try {
          const out = await runQuery(this.conn, sql, { timeoutMs: 10_000 });
          for (const r of parseRows("live_statements", Row, out.rows)) {
            const known = this.seen.get(r.query_id);
            if (known) {
              known.endMs ??= r.end_ms ?? undefined;
              known.queuedMs = r.queued_ms;
            } else {
              this.seen.set(r.query_id, { queryId: r.query_id, createdMs: r.created_ms, endMs: r.end_ms ?? undefined, queuedMs: r.queued_ms, text: r.text });
            }
          }
          this.reads.push({ start, end: Date.now(), ok: true });
        } catch (err) {
          this.lastError = err instanceof Error ? err.message : String(err);
          this.reads.push({ start, end: Date.now(), ok: false });
        }
        await sleep(start + this.intervalMs - Date.now());
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Statements created within [fromMs, toMs], and how well the reads covered that window. */
  window(fromMs: number, toMs: number): { statements: Statement[]; coverage: Coverage; lastError: string | undefined } {
    const statements = [...this.seen.values()].filter((s) => s.createdMs >= fromMs && s.createdMs <= toMs).sort((a, b) => a.createdMs - b.createdMs);
    return { statements, coverage: coverageOf(this.reads, fromMs, toMs), lastError: this.lastError };
  }
}
