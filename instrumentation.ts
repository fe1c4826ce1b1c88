/** Next's start-up hook (`register()` runs once per server process, before the first request). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverConfig } = await import("./lib/config/server");
  const { exitWhenParentDies } = await import("./lib/server/parent-watch");
  const parentPid = serverConfig().PULSE_PARENT_PID;
  if (parentPid !== undefined) exitWhenParentDies(parentPid);
}
