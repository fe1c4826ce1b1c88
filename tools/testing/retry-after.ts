/**
 * Sends a request again after a 503's Retry-After, as the browser does, at most `attempts` times
 * in all: a custom range may be answered "still being computed; try again in 2 s" first
 * (PULSE_ADHOC_ANSWER_MS, lib/server/admission.ts), and the retry finds it in the cache.
 */
export interface RetryableAnswer {
  readonly status: number;
  /** The Retry-After header's value, if any. */
  readonly retryAfter: string | null | undefined;
}

export async function followRetryAfter<T extends RetryableAnswer>(send: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send();
    const seconds = Number(answer.retryAfter);
    if (answer.status !== 503 || !(seconds > 0) || attempt >= attempts) return answer;
    await new Promise((r) => setTimeout(r, seconds * 1000));
  }
}
