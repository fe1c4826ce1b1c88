/**
 * Builds the Java reader (tools/iceberg-reader/pom.xml) with `mvn` into a cache folder outside git,
 * once per version of its sources: the folder is named by a hash of pom.xml and every file under
 * src/, so an edited source gets a new build and an unchanged one none. Maven fetches the
 * dependencies from Maven Central at the first build (into ~/.m2, shared with later builds).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../../lib/lakehouse/settings";
import { findJava } from "../trino/java";

export const READER_DIR = path.join(REPO_ROOT, "tools", "iceberg-reader");
const MARKER = ".pulse-complete.json";

export interface ReaderBuild {
  /** Holds iceberg-reader-1.jar and lib/ (its runtime jars). */
  readonly dir: string;
  readonly classpath: string;
  /** Bytes of the runtime jars: what the first build takes from Maven Central, plugins aside. */
  readonly jarBytes: number;
  readonly fromCache: boolean;
  readonly buildMs: number;
}

export class ReaderBuildError extends Error {
  override readonly name = "ReaderBuildError";
}

function sourceFiles(): string[] {
  const files = ["pom.xml"];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(READER_DIR, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else files.push(child);
    }
  };
  walk("src");
  return files.sort();
}

/** Hash of every input of the build, names and contents, so a renamed file counts as a change. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles())
    hash
      .update(`${file}\0`)
      .update(fs.readFileSync(path.join(READER_DIR, file)))
      .update("\0");
  return hash.digest("hex").slice(0, 16);
}

export function readerCacheRoot(): string {
  const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  return path.join(cacheHome, "pulse", "iceberg-reader");
}

const classpathOf = (dir: string) => `${path.join(dir, "iceberg-reader-1.jar")}${path.delimiter}${path.join(dir, "lib", "*")}`;

function jarBytes(dir: string): number {
  const lib = path.join(dir, "lib");
  return fs.readdirSync(lib).reduce((sum, f) => sum + fs.statSync(path.join(lib, f)).size, fs.statSync(path.join(dir, "iceberg-reader-1.jar")).size);
}

async function runMvn(buildDir: string): Promise<void> {
  // The pom asks for Java 21 bytecode; Maven's own default JDK may be older, so hand it the JDK
  // Trino runs on (24+), which every Pulse machine has.
  const java = findJava();
  const args = ["-B", "-ntp", "-q", "package", `-Dpulse.build.dir=${buildDir}`];
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn("mvn", args, { cwd: READER_DIR, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, JAVA_HOME: java.home } });
    child.stdout.on("data", (c: Buffer) => output.push(c.toString()));
    child.stderr.on("data", (c: Buffer) => output.push(c.toString()));
    child.on("error", (err) => reject(new ReaderBuildError(`cannot run mvn (${err.message}): install Apache Maven (scripts/bootstrap.mjs does, from Debian)`)));
    child.on("close", (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    const text = output.join("");
    const errors = text.split("\n").filter((l) => /ERROR|Could not|refused|401|403|404/.test(l));
    throw new ReaderBuildError(
      `mvn could not build the Iceberg reader (exit ${code}) in ${READER_DIR}:\n${(errors.length ? errors.slice(0, 12).join("\n") : text.slice(-3000)).trim()}`,
    );
  }
}

/** The reader's build for the current sources, building it first if there is none. */
export async function ensureReaderBuild(progress: (msg: string) => void = () => undefined): Promise<ReaderBuild> {
  const root = readerCacheRoot();
  const dir = path.join(root, sourceHash());
  const marker = path.join(dir, MARKER);
  if (fs.existsSync(marker)) {
    const meta = JSON.parse(fs.readFileSync(marker, "utf8")) as { jarBytes: number; buildMs: number };
    return { dir, classpath: classpathOf(dir), jarBytes: meta.jarBytes, buildMs: meta.buildMs, fromCache: true };
  }
  fs.mkdirSync(root, { recursive: true });
  // Built aside and renamed into place, so a build cut short never looks complete.
  const staging = fs.mkdtempSync(path.join(root, "staging-"));
  try {
    progress(`building the Iceberg reader with mvn (dependencies from Maven Central on first use) into ${dir}`);
    const started = Date.now();
    await runMvn(staging);
    const buildMs = Date.now() - started;
    const built = { jarBytes: jarBytes(staging), buildMs };
    fs.writeFileSync(path.join(staging, MARKER), JSON.stringify({ ...built, at: new Date().toISOString() }));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    progress(`Iceberg reader built in ${(buildMs / 1000).toFixed(1)} s (${(built.jarBytes / 1024 ** 2).toFixed(0)} MB of jars)`);
    return { dir, classpath: classpathOf(dir), ...built, fromCache: false };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
