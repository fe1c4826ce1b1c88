/**
 * Finds a JDK that can run Trino 476 (Java >= 24): JAVA_HOME first, then every JDK under the
 * usual install roots, newest first.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { toolsConfig } from "../../lib/config/tools";

export const MIN_JAVA_MAJOR = 24;
const JVM_ROOTS = ["/usr/lib/jvm", "/usr/java", "/opt/java"];

export interface JavaHome {
  readonly home: string;
  readonly major: number;
  readonly version: string;
}

/** Parses `java -version` output, e.g. `openjdk version "25.0.1" 2025-10-21`. */
export function parseJavaVersion(output: string): { major: number; version: string } | undefined {
  const m = /version "([^"]+)"/.exec(output);
  if (!m) return undefined;
  const version = m[1]!;
  const parts = version.split(/[._+-]/);
  // Java 8 and older report "1.8.0_x".
  const major = parts[0] === "1" ? Number(parts[1]) : Number(parts[0]);
  return Number.isFinite(major) ? { major, version } : undefined;
}

function probe(home: string): JavaHome | undefined {
  const bin = path.join(home, "bin", "java");
  if (!fs.existsSync(bin)) return undefined;
  // `java -version` writes to stderr.
  const r = spawnSync(bin, ["-version"], { encoding: "utf8" });
  const parsed = parseJavaVersion(`${r.stdout ?? ""}${r.stderr ?? ""}`);
  return parsed ? { home: fs.realpathSync(home), ...parsed } : undefined;
}

function candidates(): string[] {
  const found: string[] = [];
  const javaHome = toolsConfig().JAVA_HOME;
  if (javaHome) found.push(javaHome);
  for (const root of JVM_ROOTS) {
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root)) found.push(path.join(root, entry));
  }
  return found;
}

export class JavaNotFoundError extends Error {
  override readonly name = "JavaNotFoundError";
}

export function findJava(): JavaHome {
  const seen = new Map<string, JavaHome>();
  for (const home of candidates()) {
    const j = probe(home);
    if (j && !seen.has(j.home)) seen.set(j.home, j);
  }
  const all = [...seen.values()].sort((a, b) => b.major - a.major);
  const javaHome = toolsConfig().JAVA_HOME;
  const fromEnv = javaHome ? probe(javaHome) : undefined;
  if (fromEnv && fromEnv.major >= MIN_JAVA_MAJOR) return fromEnv;
  const best = all[0];
  if (best && best.major >= MIN_JAVA_MAJOR) return best;
  const list = all.map((j) => `${j.version} at ${j.home}`).join("; ") || "none";
  throw new JavaNotFoundError(
    `Trino 476 needs Java ${MIN_JAVA_MAJOR} or newer; found: ${list}. Install a JDK ${MIN_JAVA_MAJOR}+ (e.g. Temurin 25) and set JAVA_HOME to it.`,
  );
}
