/**
 * The authentication and TLS part of a local Trino's configuration (a pure function, unit-tested):
 * - one HTTPS port and no plain HTTP listener at all. Trino accepts passwords only over HTTPS, and
 *   an HTTP port would still be there for anyone on the machine to probe;
 * - internal traffic (discovery, tasks, exchanges: a single node talks to itself) over HTTPS too,
 *   with the same keystore, authenticated by the shared secret. Without an internal keystore,
 *   `internal-communication.https.required` makes Trino 476 generate its own certificate and serve
 *   that one instead of ours (seen on this machine), so the keystore is named twice on purpose;
 * - password authentication by Trino's file authenticator over bcrypt hashes; which user may do what
 *   stays with the file-based access rules (trino-config.ts).
 */
import type { InstanceSecrets } from "../../lib/lakehouse/secrets";
import { secretPaths } from "../../lib/lakehouse/secrets";
import type { InstanceSettings } from "../../lib/lakehouse/settings";

export type TrinoSecrets = InstanceSecrets["trino"];

/**
 * Lines of config.properties: the HTTPS server, password authentication, internal communication.
 * A worker (`port` given) serves the same keystore (its SAN, 127.0.0.1, is every node's address) and
 * announces itself to the coordinator's URL; it takes no passwords, since only the coordinator
 * faces users, and the shared secret authenticates what the nodes say to each other.
 */
export function httpsServerLines(s: InstanceSettings, secrets: TrinoSecrets, worker?: { port: number }): string[] {
  const { keystore } = secretPaths(s);
  return [
    "http-server.http.enabled=false",
    "http-server.https.enabled=true",
    `http-server.https.port=${worker?.port ?? s.port}`,
    `http-server.https.keystore.path=${keystore}`,
    `http-server.https.keystore.key=${secrets.keystorePassword}`,
    ...(worker ? [] : ["http-server.authentication.type=PASSWORD"]),
    `discovery.uri=https://127.0.0.1:${s.port}`,
    `internal-communication.shared-secret=${secrets.sharedSecret}`,
    "internal-communication.https.required=true",
    `internal-communication.https.keystore.path=${keystore}`,
    `internal-communication.https.keystore.key=${secrets.keystorePassword}`,
  ];
}

/** etc/password-authenticator.properties: the file authenticator; the hashes stay in secrets/. */
export function passwordAuthenticatorProperties(s: InstanceSettings): string {
  return `password-authenticator.name=file\nfile.password-file=${secretPaths(s).passwordFile}\n`;
}
