/**
 * CPU seconds of named processes between two moments (this process, and others by pid from /proc via
 * live/server-process.ts), so a benchmark can say what a rate costs in CPU: on a 2-core machine that
 * decides what it can reach, and it holds up on a noisy machine far better than wall time.
 */
import { processCpuSeconds } from "./live/server-process";

/** This process's own CPU seconds (user + system). */
const ownCpuSeconds = (): number => {
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
