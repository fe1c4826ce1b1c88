/**
 * CPU time of processes, from /proc (Linux): user + system seconds of every thread. Used by the
 * benchmarks to say what a rate costs in CPU, which on a 2-core machine decides what it can reach.
 */
import fs from "node:fs";

/** Clock ticks per second of /proc's times (USER_HZ): 100 on every Linux Pulse runs on. */
const TICKS_PER_SECOND = 100;

/** utime + stime of /proc/<pid>/stat, in seconds, from its text. The name (field 2) may hold spaces and parentheses, so fields are counted after its last ")". */
export function parseProcStatCpuSeconds(stat: string): number {
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable /proc stat: ${stat.slice(0, 80)}`);
  return (utime + stime) / TICKS_PER_SECOND;
}

/** The process's CPU seconds so far, or undefined when it is gone. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    return parseProcStatCpuSeconds(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return undefined;
  }
}

/** This process's own CPU seconds (user + system). */
export const ownCpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export type CpuSample = Readonly<Record<string, number>>;

/** CPU seconds of each named process now; "pulse" is this process. A process that is gone counts 0. */
export function sampleCpu(pids: Readonly<Record<string, number | undefined>>): CpuSample {
  const out: Record<string, number> = { pulse: ownCpuSeconds() };
  for (const [name, pid] of Object.entries(pids)) out[name] = pid === undefined ? 0 : (processCpuSeconds(pid) ?? 0);
  return out;
}

/** CPU seconds each process used between two samples. */
export function cpuBetween(a: CpuSample, b: CpuSample): CpuSample {
  return Object.fromEntries(Object.keys(b).map((k) => [k, Math.max(0, (b[k] ?? 0) - (a[k] ?? 0))]));
}
