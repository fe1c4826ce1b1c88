/**
 * Trino's live heap, measured the way a leak hunt does: `jcmd <pid> GC.class_histogram`, which runs a
 * full, stop-the-world GC and then counts every object still reachable. Its "Total" line is what
 * Trino holds on to (remembered queries, caches). `GC.run` + `GC.heap_info` would not do: Trino's
 * jvm.config sets -XX:+ExplicitGCInvokesConcurrent, so GC.run only starts a concurrent cycle and the
 * used figure read right after it still counts garbage (1.85 GB where the live set was 0.62 GB).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findJava } from "./java";

/** The "Total <instances> <bytes>" line of a class histogram -> bytes of live objects. */
export function parseHistogramTotalBytes(histogram: string): number {
  const m = /^Total\s+\d+\s+(\d+)\s*$/m.exec(histogram);
  if (!m?.[1]) throw new Error(`no "Total" line in jcmd GC.class_histogram output: ${histogram.slice(0, 200)}`);
  return Number(m[1]);
}

/** The histogram's header and its first `rows` classes (the largest, as jcmd sorts them by bytes), then its Total line. */
export function histogramTop(histogram: string, rows: number): string {
  const lines = histogram.split("\n");
  const first = lines.findIndex((l) => /^\s*1:/.test(l));
  const total = lines.find((l) => /^Total\s/.test(l));
  if (first < 0) return histogram.slice(0, 4000);
  return [...lines.slice(0, first), ...lines.slice(first, first + rows), ...(total ? [total] : [])].join("\n");
}

/** Full GC, then the class histogram of live objects, of the JVM whose pid file is given (Trino's launcher.pid). */
export function liveHeapHistogram(pidFile: string): string {
  const pid = fs.readFileSync(pidFile, "utf8").trim();
  const jcmd = path.join(findJava().home, "bin", "jcmd");
  return execFileSync(jcmd, [pid, "GC.class_histogram"], { encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
}
