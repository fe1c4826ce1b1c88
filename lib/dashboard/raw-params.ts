/** Page URL parameters as plain records: Next's `searchParams` flattened, and the subsets each API route reads. */
import type { Params } from "./query-keys";

/** The non-empty values of `keys` only: what one API route receives (and its react-query key holds). */
export const pickParams = (raw: Params, keys: readonly string[]): Params => Object.fromEntries(keys.filter((k) => raw[k]).map((k) => [k, raw[k]])) as Params;

/** Next's `searchParams` record (values may repeat) -> one string per key, the first one. */
export function firstValues(sp: Record<string, string | string[] | undefined>): Params {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}
