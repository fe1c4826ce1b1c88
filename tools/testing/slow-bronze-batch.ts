/**
 * A live Bronze write that is slow for real (lib/pipeline/rt/commit-safety.itest.ts): 25,000 events
 * (the writer's largest statement, MAX_ROWS_PER_STATEMENT) with `fillerBytes` of payload each, so
 * one statement of 25,000 x (fillerBytes + ~200) bytes, which Trino takes seconds to parse, plan and
 * write on a 2-core machine (about 3 s at 600 bytes, 5 s at 1,000). All events are impressions of
 * one video at one instant, so the Gold RT row they make is known: impressions = 25,000.
 */
import type { BronzeEvent } from "../../lib/pipeline/bronze/event";

export const SLOW_BATCH_EVENTS = 25_000;

export function slowBronzeBatch(idPrefix: string, videoId: string, eventMs: number, fillerBytes: number): BronzeEvent[] {
  const filler = "x".repeat(fillerBytes);
  return Array.from({ length: SLOW_BATCH_EVENTS }, (_, i) => ({
    event_id: `${idPrefix}-${i}`,
    event_timestamp: eventMs,
    video_id: videoId,
    user_id: `u${i % 100}`,
    event_type: "impression",
    raw_payload: JSON.stringify({ device_model: "Pixel 8", network: "wifi", app_ver: "8.2.0", watch_time_ms: 0, filler }),
  }));
}
