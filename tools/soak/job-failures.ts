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

/** The log's lines at or after `sinceMs` with their instants (a line carries only a UTC time of day: the date is the one that puts it nearest after `sinceMs`). */
function datedLines(log: string, sinceMs: number): { atMs: number; text: string }[] {
  const day0 = sinceMs - (sinceMs % 86_400_000);
  const out: { atMs: number; text: string }[] = [];
  for (const line of log.split("\n")) {
    const m = /^(\d\d):(\d\d):(\d\d) (.*)$/.exec(line);
    if (!m) continue;
    let at = day0 + ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
    if (at < sinceMs - 3_600_000) at += 86_400_000;
    if (at >= sinceMs) out.push({ atMs: at, text: m[4] ?? "" });
  }
  return out;
}

const FAILED = /^\[pulse\] ([\w:.-]+): failed: (.*?)(?: \(retrying at its next tick\))?$/;

/** Failures logged at or after `sinceMs`. */
export function parseJobFailures(log: string, sinceMs: number): JobFailure[] {
  return datedLines(log, sinceMs).flatMap(({ atMs, text }) => {
    const m = FAILED.exec(text);
    return m ? [{ atMs, job: m[1] ?? "", message: m[2] ?? "" }] : [];
  });
}

export interface MicroBatchRun {
  readonly atMs: number;
  readonly batchId: number;
  readonly durationMs: number;
}

const MICRO_BATCH = /^\[pulse\] rt-microbatch: batch (\d+)(?: \(recovered\))?: .* in (\d+) ms/;

/** Committed micro-batches logged at or after `sinceMs` (the line is written when the batch ends). */
export function parseMicroBatches(log: string, sinceMs: number): MicroBatchRun[] {
  return datedLines(log, sinceMs).flatMap(({ atMs, text }) => {
    const m = MICRO_BATCH.exec(text);
    return m ? [{ atMs, batchId: Number(m[1]), durationMs: Number(m[2]) }] : [];
  });
}

export function outsideFaults(failures: readonly JobFailure[], windows: readonly FaultWindow[]): JobFailure[] {
  return failures.filter((f) => !windows.some((w) => f.atMs >= w.fromMs - 1000 && f.atMs <= w.toMs));
}
