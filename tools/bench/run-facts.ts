/** The facts a benchmark report starts with, so two reports can be compared: machine, software, code. */
import { execFileSync } from "node:child_process";
import os from "node:os";

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

export const loadAvg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (os.cpus().length), ${cpus[0]?.model.trim() ?? "unknown CPU"}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; load avg ${loadAvg()}`;
}

export const softwareLine = () => `node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`;

/** HEAD and whether the work tree has uncommitted changes (measured code may differ from HEAD). */
export function codeLine(): string {
  const head = git(["rev-parse", "--short", "HEAD"]);
  const dirty = git(["status", "--porcelain"]);
  return `git ${head ?? "?"}${dirty === null ? "" : dirty ? ` + ${dirty.split("\n").length} uncommitted paths` : " (clean)"}`;
}
