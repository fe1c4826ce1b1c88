/**
 * What a local lakehouse instance keeps for its owner's eyes only, and how the jobs and launchers
 * read it. The files are made at the instance's first `up` (tools/trino/credentials.ts) under
 * `<instance>/secrets/` (mode 0700; the credentials, password hashes and keystore 0600), which is
 * inside `.lakehouse/`, so never in git.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type InstanceSettings, type Role, USERS } from "./settings";

export const secretPaths = (s: InstanceSettings) => {
  const dir = path.join(s.dir, "secrets");
  return {
    dir,
    /** The three users' passwords and Trino's own secrets (keystore password, internal shared secret). */
    credentials: path.join(dir, "credentials.json"),
    /** bcrypt hashes of the passwords, one `user:hash` per line: Trino's file authenticator reads it. */
    passwordFile: path.join(dir, "password.db"),
    /** PKCS #12 keystore with Trino's private key and self-signed certificate. */
    keystore: path.join(dir, "keystore.p12"),
    /** That certificate alone, in PEM: what clients trust (not secret, but kept beside its key). */
    certificate: path.join(dir, "trino-ca.pem"),
  };
};

const secret = z.string().min(16);

export const InstanceSecretsSchema = z.object({
  users: z.object({ [USERS.admin]: secret, [USERS.writer]: secret, [USERS.dashboard]: secret }),
  trino: z.object({ keystorePassword: secret, sharedSecret: secret }),
});

export type InstanceSecrets = z.infer<typeof InstanceSecretsSchema>;

export class MissingSecretsError extends Error {
  override readonly name = "MissingSecretsError";
}

export function readInstanceSecrets(s: InstanceSettings): InstanceSecrets {
  const file = secretPaths(s).credentials;
  if (!fs.existsSync(file)) {
    throw new MissingSecretsError(`${file} does not exist: the ${s.name} lakehouse was never started; run \`npm run lakehouse -- up\` first`);
  }
  const parsed = InstanceSecretsSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new MissingSecretsError(
      `${file} is not valid (${parsed.error.issues[0]?.message}); make new passwords with \`npm run lakehouse -- passwords --reset\``,
    );
  }
  return parsed.data;
}

export const rolePassword = (s: InstanceSettings, role: Role): string => readInstanceSecrets(s).users[USERS[role]];

/** The PEM certificate a client must trust to talk to this instance's Trino. */
export function trustedCertificate(s: InstanceSettings): string {
  const file = secretPaths(s).certificate;
  if (!fs.existsSync(file)) throw new MissingSecretsError(`${file} does not exist: run \`npm run lakehouse -- up\` first`);
  return fs.readFileSync(file, "utf8");
}
