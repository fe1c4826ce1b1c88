import "server-only";
/**
 * The certificate the dashboard trusts for TRINO_URL (TRINO_CA_FILE), read once per process: every
 * query makes its own client, and a PEM does not change under a running server. Unset: Node's roots.
 */
import fs from "node:fs";

const read = new Map<string, string>();

export function trinoCa(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  let pem = read.get(file);
  if (pem === undefined) {
    pem = fs.readFileSync(file, "utf8");
    read.set(file, pem);
  }
  return pem;
}
