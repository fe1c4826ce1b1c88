/** Next's start-up hook (`register()` runs once per server process, before the first request). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverConfig } = await import("./lib/config/server");
  const { exitWhenOrphaned } = await import("./lib/server/parent-watch");
  const c = serverConfig();
  if (c.PULSE_PARENT_PID !== undefined) {
    const ownerFile = c.PULSE_DASHBOARD_OWNER_FILE;
    exitWhenOrphaned({ parentPid: c.PULSE_PARENT_PID, ownerFile, graceMs: ownerFile ? c.PULSE_DASHBOARD_ORPHAN_GRACE_SECONDS * 1000 : 0 });
  }
  // A restarted server answers from the last good results it kept on disk, not 503 while its cache fills.
  if (c.PULSE_DASHBOARD_CACHE_FILE) {
    const { keepResultCacheOnDisk } = await import("./lib/server/cache-snapshot");
    keepResultCacheOnDisk(c.PULSE_DASHBOARD_CACHE_FILE);
  }
  // Alerts are evaluated on every real-time commit whether or not anybody has a page open.
  const { startAlerting } = await import("./lib/server/alerts/evaluator");
  startAlerting();
}
