/**
 * GET a JSON document over http or https with a time limit, so a hung server cannot hang a caller.
 * Node's fetch cannot be told which certificate to trust per request; this can (`ca`), which is how
 * the launchers and benchmarks reach a local Trino's HTTPS with its self-signed certificate.
 */
import http from "node:http";
import https from "node:https";

export interface GetJsonOptions {
  readonly timeoutMs: number;
  /** PEM certificate(s) to trust for an https URL instead of Node's roots. */
  readonly ca?: string;
}

export function getJson<T>(url: string, o: GetJsonOptions): Promise<{ status: number; body: T }> {
  const get = url.startsWith("https:") ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { Accept: "application/json" }, timeout: o.timeoutMs, ...(o.ca ? { ca: o.ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as T });
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url} within ${o.timeoutMs} ms`)));
    req.on("error", reject);
  });
}
