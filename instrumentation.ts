/** Next's start-up hook (`register()` runs once per server process, before the first request). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverConfig } = await import("./lib/config/server");
  const { exitWhenParentDies } = await import("./lib/server/parent-watch");
  const parentPid = serverConfig().PULSE_PARENT_PID;
  if (parentPid !== undefined) exitWhenParentDies(parentPid);
  // Alerts are evaluated on every real-time commit whether or not anybody has a page open.
  const { startAlerting } = await import("./lib/server/alerts/evaluator");
  startAlerting();
}
