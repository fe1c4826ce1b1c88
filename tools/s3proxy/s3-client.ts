/**
 * The few S3 calls Pulse makes itself (create the warehouse bucket, check S3Proxy answers, list
 * objects for status and tests), signed with AWS signature version 2 over plain HTTP on loopback.
 * S3Proxy accepts v2 or v4 (`s3proxy.authorization=aws-v2-or-v4`); v2 is a single HMAC, which keeps
 * this file small and spares the project an AWS SDK. Trino itself speaks v4 through its own SDK.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { S3Credentials } from "../../lib/lakehouse/s3-credentials";

export interface S3Target {
  readonly port: number;
  readonly credentials: S3Credentials;
}

export interface S3Response {
  readonly status: number;
  readonly body: string;
}

export class S3RequestError extends Error {
  override readonly name = "S3RequestError";
}

/** Signature v2: HMAC-SHA1 over verb, (empty) MD5 and type, date and the path-style resource. */
export function signV2(secretKey: string, verb: string, date: string, resource: string): string {
  return createHmac("sha1", secretKey).update(`${verb}\n\n\n${date}\n${resource}`).digest("base64");
}

/** One request; `resource` is the signed path (`/bucket/` or `/bucket/key`), `query` is not signed. */
export function s3Request(
  t: S3Target,
  verb: "GET" | "PUT" | "HEAD" | "DELETE",
  resource: string,
  query = "",
  timeoutMs = 5000,
  body?: Buffer,
): Promise<S3Response> {
  const date = new Date().toUTCString();
  const auth = `AWS ${t.credentials.accessKey}:${signV2(t.credentials.secretKey, verb, date, resource)}`;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: t.port,
        method: verb,
        path: `${resource}${query ? `?${query}` : ""}`,
        headers: { Date: date, Authorization: auth },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("timeout", () => req.destroy(new S3RequestError(`no answer from S3 on 127.0.0.1:${t.port} within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** Creates the bucket unless it exists; S3Proxy's answer to an existing one of ours is 409 BucketAlreadyOwnedByYou. */
export async function ensureBucket(t: S3Target, bucket: string): Promise<"created" | "existed"> {
  const head = await s3Request(t, "HEAD", `/${bucket}/`);
  if (head.status === 200) return "existed";
  const put = await s3Request(t, "PUT", `/${bucket}/`);
  if (put.status === 200) return "created";
  if (put.status === 409 && put.body.includes("BucketAlreadyOwnedByYou")) return "existed";
  throw new S3RequestError(`creating bucket ${bucket} failed: HTTP ${put.status} ${put.body.slice(0, 300)}`);
}

const unescapeXml = (x: string) =>
  x
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export interface S3Object {
  readonly key: string;
  readonly size: number;
}

/** Every object under `prefix` (ListObjects v1, page after page, the last key as the next marker). */
export async function listObjects(t: S3Target, bucket: string, prefix = ""): Promise<S3Object[]> {
  const out: S3Object[] = [];
  let marker = "";
  for (;;) {
    const query = `prefix=${encodeURIComponent(prefix)}${marker ? `&marker=${encodeURIComponent(marker)}` : ""}`;
    const res = await s3Request(t, "GET", `/${bucket}/`, query, 30_000);
    if (res.status !== 200) throw new S3RequestError(`listing s3://${bucket}/${prefix} failed: HTTP ${res.status} ${res.body.slice(0, 300)}`);
    for (const m of res.body.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
      const key = /<Key>([\s\S]*?)<\/Key>/.exec(m[1]!)?.[1];
      const size = /<Size>(\d+)<\/Size>/.exec(m[1]!)?.[1];
      if (key !== undefined) out.push({ key: unescapeXml(key), size: Number(size ?? 0) });
    }
    if (!/<IsTruncated>true<\/IsTruncated>/.test(res.body) || out.length === 0) return out;
    marker = out[out.length - 1]!.key;
  }
}

/** Writes one object (tests plant files this way: S3Proxy's backend keeps metadata beside each file, so a file copied into its folder is unreadable to it). */
export async function putObject(t: S3Target, bucket: string, key: string, body: string): Promise<void> {
  const res = await s3Request(t, "PUT", `/${bucket}/${key}`, "", 30_000, Buffer.from(body));
  if (res.status !== 200) throw new S3RequestError(`writing s3://${bucket}/${key} failed: HTTP ${res.status} ${res.body.slice(0, 300)}`);
}
