/**
 * What one webhook attempt's result means for its event. Pure: unit-tested.
 *   2xx                         delivered
 *   4xx other than 408 and 429  dead at once: the receiver refused this message, and sending the same
 *                               bytes again cannot change its mind (Slack's 400 invalid_payload, 404
 *                               no_service for a revoked hook)
 *   anything else (5xx, 408, 429, a redirect, a timeout, a refused connection)
 *                               retried after base * 2^(attempt - 1), at most MAX_DELAY_MS, or after
 *                               the receiver's Retry-After when it gives one (within the same cap);
 *                               dead once `maxAttempts` attempts have failed
 */
export type AttemptResult = { readonly status: number; readonly retryAfterSeconds?: number | undefined } | { readonly error: string };

export type Outcome =
  | { readonly kind: "delivered" }
  | { readonly kind: "retry"; readonly delayMs: number; readonly error: string }
  | { readonly kind: "dead"; readonly error: string };

export const MAX_DELAY_MS = 300_000;

export function describeAttempt(r: AttemptResult): string {
  return "error" in r ? r.error : `the receiver answered HTTP ${r.status}`;
}

export function outcomeOf(r: AttemptResult, attempt: number, maxAttempts: number, baseMs: number): Outcome {
  if (!("error" in r) && r.status >= 200 && r.status < 300) return { kind: "delivered" };
  const error = describeAttempt(r);
  if (!("error" in r) && r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
    return { kind: "dead", error: `${error}: the receiver refused the message, so it is not retried` };
  }
  if (attempt >= maxAttempts) return { kind: "dead", error: `gave up after ${attempt} attempts; the last: ${error}` };
  const backoff = baseMs * 2 ** (attempt - 1);
  const asked = "error" in r || r.retryAfterSeconds === undefined ? 0 : r.retryAfterSeconds * 1000;
  return { kind: "retry", delayMs: Math.min(MAX_DELAY_MS, Math.max(backoff, asked)), error };
}
