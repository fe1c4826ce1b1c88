/**
 * Trino's TLS certificate for one local instance, made with the JDK's own `keytool` (the JDK is a
 * prerequisite anyway, so nothing else is installed): a self-signed P-256 key pair valid for
 * 127.0.0.1 and localhost, kept in a PKCS #12 keystore that Trino serves HTTPS from, and the
 * certificate alone in PEM, which clients trust by name (lib/trino/client.ts `ca`).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { JavaHome } from "./java";

export class CertificateError extends Error {
  override readonly name = "CertificateError";
}

const ALIAS = "pulse-trino";
/** Ten years: a local development certificate that must not expire under a running demo. */
const VALIDITY_DAYS = 3650;
/** keytool reads the keystore password from this variable, so it never shows in `ps`. */
const PASSWORD_ENV = "PULSE_KEYSTORE_PASSWORD";

function keytool(java: JavaHome, args: string[], password: string): string {
  const bin = path.join(java.home, "bin", "keytool");
  const r = spawnSync(bin, args, { env: { ...process.env, [PASSWORD_ENV]: password }, encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new CertificateError(`${bin} ${args[0]} failed: ${(r.error?.message ?? `${r.stdout}${r.stderr}`).trim()}`);
  }
  return r.stdout;
}

/** Writes a new keystore and its PEM certificate (replacing both); the keystore is mode 0600. */
export function createCertificate(java: JavaHome, files: { keystore: string; certificate: string }, password: string): void {
  fs.rmSync(files.keystore, { force: true });
  const storeArgs = ["-keystore", files.keystore, "-storetype", "PKCS12", `-storepass:env`, PASSWORD_ENV];
  keytool(
    java,
    [
      "-genkeypair",
      "-alias",
      ALIAS,
      "-keyalg",
      "EC",
      "-groupname",
      "secp256r1",
      "-sigalg",
      "SHA256withECDSA",
      "-validity",
      String(VALIDITY_DAYS),
      "-dname",
      "CN=Pulse local Trino",
      // Trino is reached as 127.0.0.1 (by Pulse and by its own internal client) or localhost.
      "-ext",
      "SAN=ip:127.0.0.1,dns:localhost",
      ...storeArgs,
      `-keypass:env`,
      PASSWORD_ENV,
      "-noprompt",
    ],
    password,
  );
  fs.chmodSync(files.keystore, 0o600);
  const pem = keytool(java, ["-exportcert", "-rfc", "-alias", ALIAS, ...storeArgs], password);
  if (!pem.includes("BEGIN CERTIFICATE")) throw new CertificateError(`keytool -exportcert gave no PEM certificate: ${pem.slice(0, 200)}`);
  fs.writeFileSync(files.certificate, pem, { mode: 0o644 });
}
