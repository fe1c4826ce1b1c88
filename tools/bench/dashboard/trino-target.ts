/**
 * The Trino a benchmark's dashboard talks to: the demo's (`npm start`), with its generated password
 * and certificate, or the one `--trino` names, whose TRINO_USER, TRINO_PASSWORD and TRINO_CA_FILE
 * then come from the environment like any dashboard server's.
 */
import fs from "node:fs";
import { dashboardTrinoEnv } from "../../../lib/lakehouse/dashboard-env";
import { instanceSettings, serverUrl } from "../../../lib/lakehouse/settings";
import { getJson } from "../http";

export interface TrinoTarget {
  /** What the dashboard server gets in its environment. */
  readonly env: Readonly<Record<string, string>>;
  /** The certificate to trust for /v1/info, when the URL is HTTPS with a private one. */
  readonly ca: string | undefined;
}

export function trinoTarget(url: string): TrinoTarget {
  const demo = instanceSettings("main");
  const env = url === serverUrl(demo) ? dashboardTrinoEnv(demo) : { TRINO_URL: url };
  const caFile = env.TRINO_CA_FILE ?? process.env.TRINO_CA_FILE;
  return { env, ca: caFile ? fs.readFileSync(caFile, "utf8") : undefined };
}

/** One line about the Trino measured against, or an error saying how to start the demo. */
export async function trinoFacts(url: string, target: TrinoTarget): Promise<string> {
  try {
    const info = await getJson<{ nodeVersion?: { version?: string }; uptime?: string }>(`${url}/v1/info`, 5_000, target.ca);
    return `Trino ${info.body.nodeVersion?.version ?? "?"} at ${url}, up ${info.body.uptime ?? "?"}`;
  } catch (err) {
    throw new Error(`Trino at ${url} does not answer (${err instanceof Error ? err.message : String(err)}); start the demo with npm start`);
  }
}
