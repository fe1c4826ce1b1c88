/**
 * The access key pair of an instance's S3Proxy, generated at its first start on the s3 profile and
 * kept in `<instance>/secrets/s3.json` (0600, beside the other secrets, never in git). S3Proxy reads
 * it from its own 0600 properties file; Trino only from its environment (${ENV:...}), so no file
 * under etc/ holds it.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { InstanceSettings } from "./settings";

const S3CredentialsSchema = z.object({ accessKey: z.string().min(16), secretKey: z.string().min(32) });
export type S3Credentials = z.infer<typeof S3CredentialsSchema>;

export const s3CredentialsFile = (s: InstanceSettings) => path.join(s.dir, "secrets", "s3.json");

export function readS3Credentials(s: InstanceSettings): S3Credentials | undefined {
  try {
    const parsed = S3CredentialsSchema.safeParse(JSON.parse(fs.readFileSync(s3CredentialsFile(s), "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The instance's key pair, made when missing (an access key id of 20 characters, as AWS's are). */
export function ensureS3Credentials(s: InstanceSettings): S3Credentials {
  const existing = readS3Credentials(s);
  if (existing) return existing;
  const file = s3CredentialsFile(s);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const creds = { accessKey: `PULSE${randomBytes(8).toString("hex").toUpperCase()}`.slice(0, 20), secretKey: randomBytes(30).toString("base64url") };
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return creds;
}

/** Environment variables through which Trino gets the key pair (catalog file: ${ENV:...}). */
export const S3_ACCESS_KEY_ENV = "PULSE_S3_ACCESS_KEY";
export const S3_SECRET_KEY_ENV = "PULSE_S3_SECRET_KEY";

export function s3Env(s: InstanceSettings): Record<string, string> {
  const creds = readS3Credentials(s);
  if (!creds) throw new Error(`${s3CredentialsFile(s)} is missing: start the instance with \`npm run lakehouse -- up\` first`);
  return { [S3_ACCESS_KEY_ENV]: creds.accessKey, [S3_SECRET_KEY_ENV]: creds.secretKey };
}
