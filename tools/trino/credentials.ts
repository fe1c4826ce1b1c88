/**
 * Makes a local instance's secrets at its first `up` and keeps them consistent afterwards:
 *   credentials.json  random passwords of pulse_admin, pulse_writer and pulse_dashboard, and
 *                     Trino's keystore password and internal shared secret (mode 0600);
 *   password.db       their bcrypt hashes for Trino's file authenticator (0600), rewritten whenever
 *                     it is older than credentials.json, so a reset is seen by a running Trino
 *                     within its 5 s refresh;
 *   keystore.p12 + trino-ca.pem   the TLS certificate (tls.ts), made when either is missing.
 * Paths and the reading side are in lib/lakehouse/secrets.ts.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import bcrypt from "bcryptjs";
import { type InstanceSecrets, InstanceSecretsSchema, secretPaths } from "../../lib/lakehouse/secrets";
import { type InstanceSettings, USERS } from "../../lib/lakehouse/settings";
import { findJava, type JavaHome } from "./java";
import { createCertificate } from "./tls";

/**
 * bcrypt cost of the hashes. Trino refuses below 8; each new login costs Trino one verification
 * (then it caches the result), so 10 (about 60 ms) is a sound local default.
 */
const BCRYPT_COST = 10;

/** 24 random bytes: 192 bits, as 32 URL-safe characters (no `:`, which Basic auth would split on). */
const newSecret = () => randomBytes(24).toString("base64url");

const newUserPasswords = (): InstanceSecrets["users"] => ({
  [USERS.admin]: newSecret(),
  [USERS.writer]: newSecret(),
  [USERS.dashboard]: newSecret(),
});

function mtime(file: string): number | undefined {
  return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
}

/** Written under a temporary name and renamed, so a reader never sees half a file. */
function writePrivate(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function readIfValid(file: string): InstanceSecrets | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const parsed = InstanceSecretsSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function passwordFileText(secrets: InstanceSecrets): string {
  return `${Object.entries(secrets.users)
    .map(([user, password]) => `${user}:${bcrypt.hashSync(password, BCRYPT_COST)}`)
    .join("\n")}\n`;
}

function writeCredentials(s: InstanceSettings, secrets: InstanceSecrets): void {
  const p = secretPaths(s);
  writePrivate(p.credentials, `${JSON.stringify(secrets, null, 2)}\n`);
  writePrivate(p.passwordFile, passwordFileText(secrets));
}

function secretsDir(s: InstanceSettings): void {
  const dir = secretPaths(s).dir;
  // The instance folder first, with the usual mode: `mode` below is for secrets/ alone.
  fs.mkdirSync(s.dir, { recursive: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/**
 * The instance's secrets, made where missing. `java` is looked up only when a certificate has to be
 * made (keytool), so the common case reads two small files and runs nothing.
 */
export function ensureSecrets(s: InstanceSettings, java: () => JavaHome = findJava): InstanceSecrets {
  secretsDir(s);
  const p = secretPaths(s);
  let secrets = readIfValid(p.credentials);
  if (!secrets) {
    secrets = { users: newUserPasswords(), trino: { keystorePassword: newSecret(), sharedSecret: randomBytes(32).toString("base64") } };
    // A new keystore password needs a new keystore.
    for (const f of [p.keystore, p.certificate]) fs.rmSync(f, { force: true });
    writeCredentials(s, secrets);
  } else {
    refreshPasswordFile(s);
  }
  if (!fs.existsSync(p.keystore) || !fs.existsSync(p.certificate)) createCertificate(java(), p, secrets.trino.keystorePassword);
  return secrets;
}

/**
 * For a Trino that is already running: brings password.db up to date with credentials.json (Trino
 * reloads it within 5 s). New Trino secrets cannot be made under it: it keeps serving the keystore
 * it started with, so a missing credentials file asks for a restart instead.
 */
export function refreshPasswordFile(s: InstanceSettings): void {
  const p = secretPaths(s);
  const secrets = readIfValid(p.credentials);
  if (!secrets) {
    throw new Error(
      `${p.credentials} is missing or not valid while Trino runs: stop it (\`npm run lakehouse -- down\`) and start it again, which makes new secrets`,
    );
  }
  if ((mtime(p.passwordFile) ?? 0) < (mtime(p.credentials) ?? 0)) writePrivate(p.passwordFile, passwordFileText(secrets));
}

/** New passwords for the three users (Trino's own secrets and the certificate stay). */
export function resetPasswords(s: InstanceSettings): InstanceSecrets {
  const current = ensureSecrets(s);
  const secrets = { ...current, users: newUserPasswords() };
  writeCredentials(s, secrets);
  return secrets;
}
