/**
 * Renders an instance's s3proxy.conf (a pure function, unit-tested). Choices and why:
 * - the filesystem backend (`filesystem-nio2`; 2.7.0 calls the older `filesystem` deprecated) under
 *   the instance's folder: one folder per bucket and one file per object, so `reset` deletes it with
 *   the rest and nothing else is needed;
 * - unknown request headers ignored: the AWS SDK inside Trino sends headers S3Proxy does not know
 *   (`x-amz-optional-object-attributes` on every listing, seen on this machine), which it otherwise
 *   refuses, failing CREATE TABLE's location check;
 * - bound to 127.0.0.1 over plain HTTP: a developer's local object store, never a network service;
 * - every request signed (`aws-v2-or-v4`) with the instance's generated key pair, which is why the
 *   file is written 0600, like Trino's config.properties.
 */
import type { S3Credentials } from "../../lib/lakehouse/s3-credentials";
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";

export const s3Endpoint = (s: InstanceSettings) => `http://127.0.0.1:${s.s3Port}`;

export function renderS3ProxyConfig(s: InstanceSettings, creds: S3Credentials): string {
  return `${[
    `s3proxy.endpoint=${s3Endpoint(s)}`,
    "s3proxy.authorization=aws-v2-or-v4",
    `s3proxy.identity=${creds.accessKey}`,
    `s3proxy.credential=${creds.secretKey}`,
    "s3proxy.ignore-unknown-headers=true",
    "jclouds.provider=filesystem-nio2",
    // The backend's own login, which a folder does not check but filesystem-nio2 insists on.
    `jclouds.identity=${creds.accessKey}`,
    `jclouds.credential=${creds.secretKey}`,
    `jclouds.filesystem.basedir=${instancePaths(s).s3Data}`,
  ].join("\n")}\n`;
}
