/**
 * The pid of the Trino node serving one data dir, found by its command line: Trino's launcher starts
 * Java with `-Dnode.data-dir=<dir>` and the main class `io.trino.server.TrinoServer`, and no other
 * program runs with both.
 *
 * Why: the launcher's pid file once named another process than the Java it started (pid file 2322,
 * Trino 2328, seen starting `npm start` beside a `next build`). The start then reported "Trino exited
 * during start-up" while Trino ran, and the next start refused with "port in use" and could not stop
 * it, since only recorded pids are ever signalled. With this, the process that serves this data dir
 * is the recorded one again (server.ts rewrites the pid file), so status, stop and start find it.
 */
import fs from "node:fs";

const MAIN_CLASS = "io.trino.server.TrinoServer";

/** Whether a process's arguments are those of the Trino node for `dataDir`. */
export function isTrinoNodeFor(args: readonly string[], dataDir: string): boolean {
  return args.includes(MAIN_CLASS) && args.includes(`-Dnode.data-dir=${dataDir}`);
}

/** The live Trino node for `dataDir`, or undefined when none runs (a zombie's command line is empty). */
export function trinoPidByDataDir(dataDir: string, proc = "/proc"): number | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync(proc);
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`${proc}/${entry}/cmdline`, "utf8");
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    if (isTrinoNodeFor(cmdline.split("\0"), dataDir)) return Number(entry);
  }
  return undefined;
}
