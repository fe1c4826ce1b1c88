/**
 * Trino's live heap, measured the way a leak hunt does: a full GC (`jcmd <pid> GC.run`), then the
 * heap's used bytes (`jcmd <pid> GC.heap_info`). What survives a full GC is what Trino holds on to
 * (remembered queries, caches); the used figure without a GC mostly measures garbage not yet collected.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findJava } from "./java";

/** "garbage-first heap   total reserved 4194304K, committed 1048576K, used 523456K [...]" -> bytes used. */
export function parseHeapUsedBytes(heapInfo: string): number {
  const m = /heap\s+total\b.*?\bused (\d+)K/.exec(heapInfo);
  if (!m?.[1]) throw new Error(`no "heap total ... used NK" line in jcmd GC.heap_info output: ${heapInfo.slice(0, 200)}`);
  return Number(m[1]) * 1024;
}

/** Full GC, then used heap in bytes, of the JVM whose pid file is given (Trino's launcher.pid). */
export function liveHeapBytes(pidFile: string): number {
  const pid = fs.readFileSync(pidFile, "utf8").trim();
  const jcmd = path.join(findJava().home, "bin", "jcmd");
  execFileSync(jcmd, [pid, "GC.run"], { stdio: "pipe", timeout: 120_000 });
  return parseHeapUsedBytes(execFileSync(jcmd, [pid, "GC.heap_info"], { encoding: "utf8", timeout: 60_000 }));
}
