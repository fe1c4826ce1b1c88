/**
 * Writes a node's rendered configuration under its etc/ (0600: config.properties holds the keystore
 * password and the internal shared secret), and tells whether a running node was started with
 * exactly these files, so a changed worker count, heap or storage restarts only what changed.
 */
import fs from "node:fs";
import path from "node:path";
import type { ConfigFiles } from "./trino-config";

export function writeConfigFiles(etc: string, files: ConfigFiles): void {
  for (const rel of Object.keys(files)) fs.mkdirSync(path.dirname(path.join(etc, rel)), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(etc, rel);
    fs.writeFileSync(file, content, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
}

export function configIsCurrent(etc: string, files: ConfigFiles): boolean {
  return Object.entries(files).every(([rel, content]) => {
    try {
      return fs.readFileSync(path.join(etc, rel), "utf8") === content;
    } catch {
      return false;
    }
  });
}
