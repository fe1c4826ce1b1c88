/**
 * The file on this machine behind a location Trino records in the catalog, on either storage profile
 * (test-only): `local:///<path>` is under the instance's warehouse folder; `s3://<bucket>/<key>` is
 * under S3Proxy's filesystem backend, where a bucket is a folder and an object's key its path below.
 * Lets the catalog and maintenance tests look at (and plant) files without caring which profile runs.
 */
import fs from "node:fs";
import path from "node:path";
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";
import { putObject } from "../s3proxy/s3-client";
import { s3Target } from "../s3proxy/server";

export function localFileOf(s: InstanceSettings, location: string): string {
  const local = /^local:\/\/\/(.+)$/.exec(location);
  if (local) return path.join(instancePaths(s).warehouse, local[1]!);
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (s3) return path.join(instancePaths(s).s3Data, s3[1]!, s3[2]!);
  throw new Error(`not a location of a Pulse warehouse: ${location}`);
}

/**
 * Writes a file at a warehouse location as a crashed writer would leave it. Locally it is dated
 * `ageMs` back; through S3 it is an object written now (S3 has no way to back-date one, and the
 * backend's folder cannot be written directly: S3Proxy keeps each object's metadata beside it).
 */
export async function plantFile(s: InstanceSettings, location: string, content: string, ageMs: number): Promise<void> {
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (s3) return putObject(s3Target(s), s3[1]!, s3[2]!, content);
  const file = localFileOf(s, location);
  fs.writeFileSync(file, content);
  const then = new Date(Date.now() - ageMs);
  fs.utimesSync(file, then, then);
}
