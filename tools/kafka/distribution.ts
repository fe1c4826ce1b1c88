/**
 * Obtains Apache Kafka (org.apache.kafka:kafka_2.13, the broker with its KRaft controller) from
 * Maven Central with the `mvn` client, as tools/s3proxy/jar.ts does S3Proxy: a small pom naming the
 * broker and a logging binding, whose runtime dependencies `mvn dependency:copy-dependencies` copies
 * into a cache folder outside git, once. A second call finds the folder and downloads nothing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Progress } from "../../lib/lakehouse/migrate";
import { KAFKA_VERSION, kafkaCacheDir } from "../../lib/lakehouse/settings";

export class KafkaDownloadError extends Error {
  override readonly name = "KafkaDownloadError";
}

const MARKER = ".pulse-complete.json";

/** The broker, and slf4j's reload4j binding so the broker's own log4j configuration applies. */
export const KAFKA_POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>pulse.local</groupId>
  <artifactId>pulse-kafka-broker</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
`;

/** The folder of the broker's jars (its classpath is `<libs>/*`). */
export const kafkaLibs = () => path.join(kafkaCacheDir(), "libs");

export function ensureKafkaJars(progress: Progress = () => undefined): string {
  const libs = kafkaLibs();
  if (fs.existsSync(path.join(libs, MARKER))) return libs;
  if (spawnSync("mvn", ["--version"], { stdio: "ignore" }).status !== 0) {
    throw new KafkaDownloadError("the `mvn` client is needed to fetch Apache Kafka from Maven Central (install Apache Maven)");
  }
  const dir = kafkaCacheDir();
  fs.mkdirSync(dir, { recursive: true });
  // Copied into a staging folder and renamed, so an interrupted download never passes for the jars.
  const staging = fs.mkdtempSync(path.join(dir, "staging-"));
  try {
    fs.writeFileSync(path.join(staging, "pom.xml"), KAFKA_POM);
    progress(`fetching org.apache.kafka:kafka_2.13:${KAFKA_VERSION} and its dependencies with mvn`);
    const t0 = Date.now();
    const out = path.join(staging, "libs");
    const r = spawnSync(
      "mvn",
      ["-B", "-ntp", "-f", path.join(staging, "pom.xml"), "dependency:copy-dependencies", "-DincludeScope=runtime", `-DoutputDirectory=${out}`],
      {
        encoding: "utf8",
      },
    );
    const jars = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith(".jar")) : [];
    if (r.status !== 0 || !jars.some((j) => j.startsWith(`kafka_2.13-${KAFKA_VERSION}`))) {
      const errors = `${r.stdout ?? ""}${r.stderr ?? ""}`
        .split("\n")
        .filter((l) => /ERROR|Could not|refused|401|403|404/.test(l))
        .slice(0, 6);
      throw new KafkaDownloadError(`mvn could not fetch Apache Kafka ${KAFKA_VERSION}:\n${errors.join("\n") || (r.error?.message ?? "no output")}`);
    }
    const bytes = jars.reduce((sum, j) => sum + fs.statSync(path.join(out, j)).size, 0);
    fs.writeFileSync(path.join(out, MARKER), JSON.stringify({ version: KAFKA_VERSION, jars: jars.length, bytes, at: new Date().toISOString() }));
    fs.rmSync(libs, { recursive: true, force: true });
    fs.renameSync(out, libs);
    progress(`  Kafka ${KAFKA_VERSION}: ${jars.length} jars, ${(bytes / 1024 ** 2).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return libs;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
