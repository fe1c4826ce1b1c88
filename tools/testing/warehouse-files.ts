/**
 * The file on this machine behind a location Trino records in the catalog, on either storage profile
 * (test-only): `local:///<path>` is under the instance's warehouse folder; `s3://<bucket>/<key>` is
 * under S3Proxy's filesystem backend, where a bucket is a folder and an object's key its path below.
 * Lets the catalog and maintenance tests look at (and plant) files without caring which profile runs.
 */
import path from "node:path";
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";

export function localFileOf(s: InstanceSettings, location: string): string {
  const local = /^local:\/\/\/(.+)$/.exec(location);
  if (local) return path.join(instancePaths(s).warehouse, local[1]!);
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (s3) return path.join(instancePaths(s).s3Data, s3[1]!, s3[2]!);
  throw new Error(`not a location of a Pulse warehouse: ${location}`);
}
