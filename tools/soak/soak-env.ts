/**
 * The chaos soak's own lakehouse: a `main` instance under .lakehouse/soak, on its own ports
 * (PULSE_SOAK_*), so it never touches the demo's or the tests' data. Imported first by
 * scripts/soak.ts: it points this process's settings there before anything reads them, and gives
 * the environment the soak's child processes (the lakehouse command, npm start) run with.
 */
import path from "node:path";
import { parseConfig } from "../../lib/config/definitions";
import { loadEnvFiles, REPO_ROOT } from "../../lib/config/env-files";

loadEnvFiles();
const base = parseConfig("tools", process.env);

export const SOAK_ROOT = path.join(REPO_ROOT, ".lakehouse", "soak");
export const SOAK_DASHBOARD_PORT = base.PULSE_SOAK_DASHBOARD_PORT;

/** What every process of the soak runs with; the soak's record of what it produced is `recordFile`. */
export function soakEnvironment(recordFile: string): Record<string, string> {
  return {
    PULSE_LAKEHOUSE_DIR: SOAK_ROOT,
    PULSE_TRINO_PORT: String(base.PULSE_SOAK_TRINO_PORT),
    PULSE_PG_PORT: String(base.PULSE_SOAK_PG_PORT),
    PULSE_DASHBOARD_PORT: String(SOAK_DASHBOARD_PORT),
    PULSE_STORAGE: "local",
    PULSE_WORKERS: "0",
    PULSE_PRODUCER_RECORD: recordFile,
  };
}

export const RECORD_FILE = path.join(SOAK_ROOT, "main", "produced.jsonl");

// This process reads the same instance (instanceSettings("main") now means the soak's).
Object.assign(process.env, soakEnvironment(RECORD_FILE));
for (const k of ["PULSE_S3PROXY_PORT", "PULSE_ATTACH_TRINO_URL"]) delete process.env[k];
