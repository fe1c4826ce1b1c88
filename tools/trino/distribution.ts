/**
 * Obtains Trino 476 from Maven Central with the `mvn` client: the plugin-less server core plus only
 * the plugin zips Pulse uses, unpacked once into a cache folder outside git. A second call finds the
 * unpacked tree and downloads nothing.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { toolsConfig } from "../../lib/config/tools";
import { distributionSettings, TRINO_VERSION } from "../../lib/lakehouse/settings";

export interface Artifact {
  readonly artifactId: string;
  readonly packaging: "tar.gz" | "zip";
  /** Folder under plugin/ for plugin zips. */
  readonly plugin?: string;
}

export const ARTIFACTS: readonly Artifact[] = [
  { artifactId: "trino-server-core", packaging: "tar.gz" },
  { artifactId: "trino-iceberg", packaging: "zip", plugin: "iceberg" },
];

/** Core plugins Pulse does not use; dropping them shortens start-up and memory. */
const UNUSED_CORE_PLUGINS = ["functions-python", "geospatial", "exchange-filesystem", "spooling-filesystem", "session-property-managers"];

/**
 * Core plugins Pulse came to use after caches were first unpacked without them: a cached tree that
 * lacks one gets it added from the core tarball (resource-group-managers: the file manager of
 * Trino's resource groups, tools/trino/resource-groups.ts).
 */
const LATER_CORE_PLUGINS = ["resource-group-managers"];

/**
 * Plugins that Maven Central has only inside the full server tarball (io.trino:trino-server, 821 MB,
 * every plugin), not as zips of their own for 476: kafka, Trino's Kafka connector, through which
 * the ingest job reads offset ranges of Pulse's topics (lib/pipeline/kafka). Fetched once into
 * Maven's local repository; only the plugin's folder is kept in the cache.
 */
const FULL_SERVER = { artifactId: "trino-server", packaging: "tar.gz" } as const satisfies Artifact;
const FULL_SERVER_PLUGINS = ["kafka"];

const MARKER = ".pulse-complete.json";

export interface Distribution {
  readonly home: string;
  readonly downloadedBytes: number;
  readonly fromCache: boolean;
}

import type { Progress } from "../../lib/lakehouse/migrate";

export type { Progress };

export class DownloadError extends Error {
  override readonly name = "DownloadError";
}

export function distributionHome(): string {
  return path.join(distributionSettings().cacheDir, `trino-server-${TRINO_VERSION}`);
}

function m2Dir(artifactId: string): string {
  const repo = toolsConfig().MAVEN_REPO_LOCAL ?? path.join(os.homedir(), ".m2", "repository");
  return path.join(repo, "io", "trino", artifactId, TRINO_VERSION);
}

function dirBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).reduce((sum, f) => {
    const st = fs.statSync(path.join(dir, f), { throwIfNoEntry: false });
    return sum + (st?.isFile() ? st.size : 0);
  }, 0);
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

async function mvnCopy(artifact: Artifact, outDir: string, progress: Progress): Promise<string> {
  const coords = `io.trino:${artifact.artifactId}:${TRINO_VERSION}:${artifact.packaging}`;
  const file = path.join(outDir, `${artifact.artifactId}-${TRINO_VERSION}.${artifact.packaging}`);
  if (spawnSync("mvn", ["--version"], { stdio: "ignore" }).status !== 0) {
    throw new DownloadError("the `mvn` client is needed to fetch Trino from Maven Central (install Apache Maven)");
  }
  progress(`fetching ${coords} with mvn`);
  const watch = m2Dir(artifact.artifactId);
  const started = Date.now();
  const ticker = setInterval(() => progress(`  ${artifact.artifactId}: ${mb(dirBytes(watch))} so far (${Math.round((Date.now() - started) / 1000)} s)`), 5000);
  const output: string[] = [];
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn("mvn", ["-B", "-ntp", "dependency:copy", `-Dartifact=${coords}`, `-DoutputDirectory=${outDir}`], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      const collect = (chunk: Buffer) => output.push(chunk.toString());
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.on("error", reject);
      child.on("close", (c) => resolve(c ?? 1));
    });
    if (code !== 0 || !fs.existsSync(file)) {
      const errors = output
        .join("")
        .split("\n")
        .filter((l) => /ERROR|Could not|refused|401|403|404/.test(l))
        .slice(0, 6);
      throw new DownloadError(`mvn could not fetch ${coords}:\n${errors.join("\n") || output.join("").slice(-2000)}`);
    }
  } finally {
    clearInterval(ticker);
  }
  progress(`  ${artifact.artifactId}: ${mb(fs.statSync(file).size)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

function run(cmd: string, args: string[], cwd?: string): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0) throw new DownloadError(`${cmd} ${args.join(" ")} failed: ${r.stderr || r.error?.message}`);
}

function unzipInto(zip: string, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  if (spawnSync("unzip", ["-v"], { stdio: "ignore" }).status === 0) run("unzip", ["-q", zip, "-d", dir]);
  // Every JDK ships `jar`, and a JDK is a prerequisite anyway.
  else run(path.join(toolsConfig().JAVA_HOME ?? "/usr", "bin", "jar"), ["xf", zip], dir);
}

/**
 * Adds plugin `name` to a cached tree that lacks it, from a server tarball: the core one (Maven's
 * local repository has it from the first fetch) or the full one. The cache is shared by every
 * instance and clone and may be running: nothing there is replaced, the folder is unpacked aside and
 * moved in whole, and a concurrent caller that moved it first wins.
 */
async function addPlugin(home: string, name: string, progress: Progress, core: Artifact = ARTIFACTS[0]!): Promise<void> {
  const target = path.join(home, "plugin", name);
  if (fs.existsSync(target)) return;
  const cached = path.join(m2Dir(core.artifactId), `${core.artifactId}-${TRINO_VERSION}.${core.packaging}`);
  const staging = fs.mkdtempSync(path.join(path.dirname(home), "staging-"));
  try {
    const tarball = fs.existsSync(cached) ? cached : await mvnCopy(core, path.join(staging, "downloads"), progress);
    progress(`adding Trino's ${name} plugin to ${home}`);
    // The tarball stores a plugin's jars shared with lib/ (or, in the full tarball, with another
    // plugin) as hard links to the first copy: those folders come along to the staging folder.
    const root = `${core.artifactId}-${TRINO_VERSION}`;
    run("tar", ["xzf", tarball, "-C", staging, `${root}/lib`, core === FULL_SERVER ? `${root}/plugin` : `${root}/plugin/${name}`]);
    try {
      fs.renameSync(path.join(staging, root, "plugin", name), target);
    } catch (err) {
      if (!fs.existsSync(target)) throw err;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Downloads (if needed) and unpacks Trino; returns where it lives. */
export async function ensureDistribution(progress: Progress = () => undefined): Promise<Distribution> {
  const home = distributionHome();
  const marker = path.join(home, MARKER);
  if (fs.existsSync(marker)) {
    const meta = JSON.parse(fs.readFileSync(marker, "utf8")) as { downloadedBytes: number };
    for (const name of LATER_CORE_PLUGINS) await addPlugin(home, name, progress);
    for (const name of FULL_SERVER_PLUGINS) await addPlugin(home, name, progress, FULL_SERVER);
    return { home, downloadedBytes: meta.downloadedBytes, fromCache: true };
  }
  const cacheDir = path.dirname(home);
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(cacheDir, "staging-"));
  try {
    const downloads = path.join(staging, "downloads");
    const files: string[] = [];
    for (const artifact of ARTIFACTS) files.push(await mvnCopy(artifact, downloads, progress));
    const downloadedBytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);

    progress("unpacking Trino");
    run("tar", ["xzf", files[0]!, "-C", staging]);
    const unpacked = path.join(staging, `trino-server-core-${TRINO_VERSION}`);
    for (const name of UNUSED_CORE_PLUGINS) fs.rmSync(path.join(unpacked, "plugin", name), { recursive: true, force: true });
    ARTIFACTS.forEach((artifact, i) => {
      if (!artifact.plugin) return;
      const tmp = path.join(staging, `zip-${artifact.plugin}`);
      unzipInto(files[i]!, tmp);
      const [inner] = fs.readdirSync(tmp);
      fs.renameSync(path.join(tmp, inner!), path.join(unpacked, "plugin", artifact.plugin));
    });
    fs.writeFileSync(path.join(unpacked, MARKER), JSON.stringify({ version: TRINO_VERSION, downloadedBytes, at: new Date().toISOString() }));
    fs.rmSync(home, { recursive: true, force: true });
    fs.renameSync(unpacked, home);
    for (const name of FULL_SERVER_PLUGINS) await addPlugin(home, name, progress, FULL_SERVER);
    progress(`Trino ${TRINO_VERSION} ready in ${home} (${mb(downloadedBytes)} downloaded)`);
    return { home, downloadedBytes, fromCache: false };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
