/**
 * Obtains S3Proxy (org.gaul:s3proxy, the jar-with-dependencies build) from Maven Central with the
 * `mvn` client, like tools/trino/distribution.ts does Trino: once, into a cache folder outside git,
 * so a second `up` downloads nothing. It runs on the same JDK as Trino.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Progress } from "../../lib/lakehouse/migrate";
import { S3PROXY_VERSION, s3proxyCacheDir } from "../../lib/lakehouse/settings";

export class S3ProxyDownloadError extends Error {
  override readonly name = "S3ProxyDownloadError";
}

const COORDS = `org.gaul:s3proxy:${S3PROXY_VERSION}:jar:jar-with-dependencies`;

export const s3proxyJar = () => path.join(s3proxyCacheDir(), `s3proxy-${S3PROXY_VERSION}-jar-with-dependencies.jar`);

export function ensureS3ProxyJar(progress: Progress = () => undefined): string {
  const jar = s3proxyJar();
  if (fs.existsSync(jar)) return jar;
  if (spawnSync("mvn", ["--version"], { stdio: "ignore" }).status !== 0) {
    throw new S3ProxyDownloadError("the `mvn` client is needed to fetch S3Proxy from Maven Central (install Apache Maven)");
  }
  const dir = path.dirname(jar);
  fs.mkdirSync(dir, { recursive: true });
  // Copied into a staging folder and renamed, so an interrupted download never passes for the jar.
  const staging = fs.mkdtempSync(path.join(dir, "staging-"));
  try {
    progress(`fetching ${COORDS} with mvn`);
    const t0 = Date.now();
    const r = spawnSync("mvn", ["-B", "-ntp", "dependency:copy", `-Dartifact=${COORDS}`, `-DoutputDirectory=${staging}`], { encoding: "utf8" });
    const file = path.join(staging, path.basename(jar));
    if (r.status !== 0 || !fs.existsSync(file)) {
      const errors = `${r.stdout ?? ""}${r.stderr ?? ""}`
        .split("\n")
        .filter((l) => /ERROR|Could not|refused|401|403|404/.test(l))
        .slice(0, 6);
      throw new S3ProxyDownloadError(`mvn could not fetch ${COORDS}:\n${errors.join("\n") || (r.error?.message ?? "no output")}`);
    }
    fs.renameSync(file, jar);
    progress(`  S3Proxy ${S3PROXY_VERSION}: ${(fs.statSync(jar).size / 1024 ** 2).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return jar;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
