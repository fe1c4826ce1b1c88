/** JSON over HTTP for the benchmarks, always with a time limit so a hung server cannot hang a run. */

export const REQUEST_TIMEOUT_MS = 30_000;

export async function getJson<T>(url: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: "application/json" } });
  return { status: res.status, body: (await res.json()) as T };
}
