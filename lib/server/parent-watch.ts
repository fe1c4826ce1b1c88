import "server-only";
import { currentOwner, type OwnerWatch, orphanCheck } from "./orphan";

/**
 * A dashboard started by `npm start` (or a test) must not outlive it for long: an orphaned server
 * would keep the port, and a later start could not own the URL it announces. But a restarted main
 * command should not cut its viewers off either, so with an owner file the orphan keeps serving
 * (stale data, with its age) for a grace period, and a new main command that writes its own pid
 * into that file takes it over (tools/dashboard/next-process.ts). Without an owner file, or once
 * the grace has passed with nobody taking over, it exits.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function exitWhenOrphaned(w: OwnerWatch, everyMs = 1000): void {
  let orphanSince: number | null = null;
  let announced = false;
  const timer = setInterval(() => {
    const owner = currentOwner(w);
    // Without an owner file the parent is the owner, and Linux re-parents an orphan: a changed
    // ppid is the parent's death even if its pid were reused.
    const ownerAlive = w.ownerFile ? alive(owner) : process.ppid === w.parentPid;
    const c = orphanCheck(orphanSince, ownerAlive, Date.now(), w.graceMs);
    if (c.orphanSince !== null && !announced) {
      announced = true;
      console.error(`[dashboard] the main command (pid ${owner}) is gone; serving for ${Math.round(w.graceMs / 1000)} s more unless a new one takes over`);
    }
    if (c.orphanSince === null && orphanSince !== null) {
      announced = false;
      console.error(`[dashboard] taken over by the main command with pid ${owner}`);
    }
    orphanSince = c.orphanSince;
    if (c.exit) {
      console.error(`[dashboard] no main command took this server over (owner pid ${owner} gone); exiting`);
      process.exit(0);
    }
  }, everyMs);
  timer.unref();
}
