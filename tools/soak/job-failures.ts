/**
 * Pipeline job failures in npm start's log, and which of them a fault explains. The scheduler logs
 * each as `HH:MM:SS [pulse] <job>: failed: <message> (retrying at its next tick)` (UTC clock). A
 * failure inside a fault's window (from the kill until its recovery plus a grace for the jobs'
 * retry ticks) is the fault's; any other has no fault to blame, so dashboard load or a defect.
 */

export interface JobFailure {
  readonly atMs: number;
  readonly job: string;
  readonly message: string;
}

export interface FaultWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

const LINE = /^(\d\d):(\d\d):(\d\d) \[pulse\] ([\w:.-]+): failed: (.*?)(?: \(retrying at its next tick\))?$/;

/** Failures logged at or after `sinceMs` (log lines carry only a UTC time of day: the date is the one that puts them nearest after it). */
export function parseJobFailures(log: string, sinceMs: number): JobFailure[] {
  const day0 = sinceMs - (sinceMs % 86_400_000);
  const out: JobFailure[] = [];
  for (const line of log.split("\n")) {
    const m = LINE.exec(line);
    if (!m) continue;
    let at = day0 + ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
    if (at < sinceMs - 3_600_000) at += 86_400_000;
    if (at < sinceMs) continue;
    out.push({ atMs: at, job: m[4] ?? "", message: m[5] ?? "" });
  }
  return out;
}

export function outsideFaults(failures: readonly JobFailure[], windows: readonly FaultWindow[]): JobFailure[] {
  return failures.filter((f) => !windows.some((w) => f.atMs >= w.fromMs - 1000 && f.atMs <= w.toMs));
}
