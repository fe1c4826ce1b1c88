/**
 * Which statement brings a minute log from batch `after` to batch `through`:
 * - a delta of at most ROWS_DELTA_MAX_BATCHES batches reads the log's rows as they are
 *   (rt_log_rows_delta.sql): one Trino stage, the live refresh's common case (one batch a minute);
 * - a full recompute (after = -1) or a longer delta is summed per minute in Trino
 *   (rt_minutes_delta.sql), so its answer stays one row a minute however many batches it spans.
 * Both answer the same columns, and rows of one minute add up (MinuteLog), so the choice changes
 * only cost, never the log.
 */
export const ROWS_DELTA_MAX_BATCHES = 5;

export type MinuteStatement = "rt_log_rows_delta" | "rt_minutes_delta";

export function minuteStatement(after: number, through: number): MinuteStatement {
  return after >= 0 && through - after <= ROWS_DELTA_MAX_BATCHES ? "rt_log_rows_delta" : "rt_minutes_delta";
}
