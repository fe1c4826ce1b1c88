/** JSON over HTTP for the benchmarks, always with a time limit so a hung server cannot hang a run. */
import { getJson as getJsonWith } from "../net/get-json";

export const REQUEST_TIMEOUT_MS = 30_000;

export function getJson<T>(url: string, timeoutMs = REQUEST_TIMEOUT_MS, ca?: string): Promise<{ status: number; body: T }> {
  return getJsonWith<T>(url, { timeoutMs, ca });
}
