/**
 * Trino's unauthenticated /v1/info of a local instance, over HTTPS with the instance's own
 * certificate as the one trusted: how the launcher tells "starting", "ready" and "not ours" apart.
 */
import fs from "node:fs";
import { secretPaths } from "../../lib/lakehouse/secrets";
import { type InstanceSettings, serverUrl } from "../../lib/lakehouse/settings";
import { getJson } from "../net/get-json";

type InfoBody = { nodeVersion: { version: string }; starting: boolean; uptime: string; environment: string };

export async function fetchInfo(s: InstanceSettings): Promise<{ version: string; starting: boolean; uptime: string; environment: string } | undefined> {
  try {
    const ca = fs.readFileSync(secretPaths(s).certificate, "utf8");
    const res = await getJson<InfoBody>(`${serverUrl(s)}/v1/info`, { timeoutMs: 2000, ca });
    if (res.status !== 200) return undefined;
    const body = res.body;
    return { version: body.nodeVersion.version, starting: body.starting, uptime: body.uptime, environment: body.environment };
  } catch {
    return undefined;
  }
}

/** A Trino started before HTTPS was configured answers plain HTTP on the port: say so, instead of "not this lakehouse". */
export async function answersPlainHttp(s: InstanceSettings): Promise<boolean> {
  return getJson(`http://127.0.0.1:${s.port}/v1/info`, { timeoutMs: 2000 }).then(
    (r) => r.status === 200,
    () => false,
  );
}
