/** The facts a benchmark report starts with, so two reports can be compared: machine, software, code. */
import { execFileSync } from "node:child_process";
import os from "node:os";

function git(args: string[], cwd?: string): string | null {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
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

/** HEAD and whether the work tree (of `cwd`, default this one) has uncommitted changes (measured code may differ from HEAD). */
export function codeLine(cwd?: string): string {
  const head = git(["rev-parse", "--short", "HEAD"], cwd);
  const dirty = git(["status", "--porcelain"], cwd);
  return `git ${head ?? "?"}${dirty === null ? "" : dirty ? ` + ${dirty.split("\n").length} uncommitted paths` : " (clean)"}`;
}

/** The command as it was typed: `npm run <script> -- args` when npm ran it, else `npx tsx <file> args`. */
export function commandLine(npmScript: string, file: string, args: readonly string[]): string {
  return process.env.npm_lifecycle_event === npmScript
    ? `npm run ${npmScript}${args.length ? ` -- ${args.join(" ")}` : ""}`
    : `npx tsx ${file}${args.length ? ` ${args.join(" ")}` : ""}`;
}
