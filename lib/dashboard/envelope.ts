import type { RtLoading } from "./rt-progress";

/**
 * The JSON shape of every dashboard API answer and server-prefetched panel: the data plus what the
 * panel needs to be honest about it (the SQL that produced it, how old it is, whether Trino failed
 * and this is the last good copy, and the data watermark).
 */
export interface ResultMeta {
  /** The exact statement sent to Trino, values bound (the panel's "Show SQL"). */
  readonly sql: string;
  /** When Trino answered, epoch ms. */
  readonly fetchedAt: number;
  /** True when Trino failed and this is the last good result. */
  readonly stale: boolean;
  /** Seconds since fetchedAt at the time of serving. */
  readonly ageSeconds: number;
  /** Why the result is stale (Trino's error, shortened), when it is. */
  readonly staleReason?: string;
  /** End of the data the panel covers (exclusive), epoch ms; null when unknown or while history loads. */
  readonly watermark: number | null;
  /**
   * Real-time panels only, present while no micro-batch has committed: no minute is closed yet, so
   * the panel says history is loading instead of showing a watermark or zeros.
   */
  readonly rtLoading?: RtLoading;
  /** The data's version (the live stream's event id, the routes' ETag): what a client resumes the stream from. */
  readonly version?: string;
}

export interface Envelope<T> {
  readonly data: T;
  readonly meta: ResultMeta;
}

export interface ApiErrorBody {
  readonly error: string;
  readonly issues?: readonly { param: string; message: string }[];
}
