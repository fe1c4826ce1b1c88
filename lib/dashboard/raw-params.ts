/** Next's `searchParams` record (values may repeat) -> one string per key, the first one. */
import type { Params } from "./query-keys";

export function firstValues(sp: Record<string, string | string[] | undefined>): Params {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}
