/**
 * How often a daily-mart panel polls. The marts change once a day, so normally every 5 minutes
 * (enough to catch the morning build without a reload); while the panel shows the last good copy
 * because Trino failed (meta.stale), every 10 s, so it recovers as quickly as the live panels do.
 */
import type { Envelope } from "./envelope";

export const DAILY_POLL_MS = 300_000;
export const STALE_POLL_MS = 10_000;

export const dailyRefetchInterval = (query: { state: { data?: Envelope<unknown> | undefined } }): number =>
  query.state.data?.meta.stale ? STALE_POLL_MS : DAILY_POLL_MS;
