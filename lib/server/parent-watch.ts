import "server-only";
/**
 * A dashboard started by `npm start` (or a test) must not outlive it: after a `kill -9` of its parent
 * an orphaned server would keep the port, and the next start could not own the URL it announces.
 * Linux gives an orphan a new parent (init or a subreaper), so a changed parent pid means ours died.
 */
export function exitWhenParentDies(parentPid: number, everyMs = 1000): void {
  const timer = setInterval(() => {
    if (process.ppid !== parentPid) {
      console.error(`[dashboard] the process that started this server (pid ${parentPid}) is gone; exiting`);
      process.exit(0);
    }
  }, everyMs);
  timer.unref();
}
