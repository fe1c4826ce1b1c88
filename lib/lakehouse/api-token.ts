/**
 * The write-API token of a local instance's dashboard (PULSE_API_TOKEN): generated on first use
 * and kept in the instance folder (outside git) in a file only its owner may read, like the
 * database passwords. `npm start` and the e2e server pass it to the dashboard; CI/CD jobs that post
 * annotations read it from there (README, "Annotations").
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type InstanceSettings, instancePaths } from "./settings";

const TOKEN = /^[A-Za-z0-9_-]{40,}$/;

export function ensureApiToken(s: InstanceSettings): string {
  const file = instancePaths(s).apiToken;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      // "wx": never overwrite a token another process has just written.
      fs.writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  const token = fs.readFileSync(file, "utf8").trim();
  if (!TOKEN.test(token)) throw new Error(`${file} does not hold a valid API token; delete it and start again to get a new one`);
  return token;
}
