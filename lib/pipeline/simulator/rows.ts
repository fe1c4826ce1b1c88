/**
 * Output shapes. Row fields are the SQL columns, snake_case, exactly (sql/ddl: bronze.raw_events,
 * dims.dim_videos, dims.dim_users), minus the audit columns the writers own (ingested_at,
 * updated_at).
 *
 * Time representation: every timestamp is an integer number of epoch milliseconds (UTC). A plain
 * number is immutable, compares and sorts with `<`, and survives JSON; the writer turns it into
 * timestamp(6) with time zone (ms x 1000 = micros). Date objects were rejected because they are
 * mutable and cost an allocation per event.
 */
import type { Category, DeviceOs, LtvSegment } from "./catalog";

export const EVENT_TYPES = ["impression", "play_start", "play_finish", "like", "share"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface RawEventRow {
  readonly event_id: string;
  /** Client event time, epoch ms. */
  readonly event_timestamp: number;
  readonly video_id: string;
  readonly user_id: string;
  readonly event_type: EventType;
  /** JSON: device_model, network, app_ver, watch_time_ms, and sometimes vr_headset_model. */
  readonly raw_payload: string;
}

export type VideoStatus = "active" | "banned";

export interface DimVideoRow {
  readonly video_id: string;
  readonly creator_id: string;
  readonly category: Category;
  readonly hashtags: string[];
  readonly duration_ms: number;
  /** Epoch ms. */
  readonly upload_time: number;
  readonly status: VideoStatus;
}

export interface DimUserRow {
  readonly user_id: string;
  readonly register_country: string;
  readonly device_os: DeviceOs;
  readonly is_creator: boolean;
  readonly ltv_segment: LtvSegment;
  /** Epoch ms. */
  readonly join_at: number;
}

/** A CDC record: the full row as of `changedAtMs`, to be MERGEd on its key. */
export type DimChange =
  | {
      readonly kind: "video";
      readonly reason: "upload" | "category" | "ban";
      readonly changedAtMs: number;
      readonly row: DimVideoRow;
    }
  | {
      readonly kind: "user";
      readonly reason: "ltv_segment";
      readonly changedAtMs: number;
      readonly row: DimUserRow;
    };

/**
 * on_time    : first delivery, 0-5 s after the event is ready (a play_start is ready when the play ends)
 * late       : first delivery, 2-10 min after the event is ready
 * redelivery : an at-least-once duplicate of an earlier delivery (same row, same event_id)
 */
export type DeliveryKind = "on_time" | "late" | "redelivery";

export interface SimEvent {
  readonly row: RawEventRow;
  /** When the event reaches the ingestion endpoint, epoch ms; slices are cut on this. */
  readonly deliverAtMs: number;
  readonly delivery: DeliveryKind;
  /** Ground-truth session number (not a column): lets tests check a sessionization job. */
  readonly sessionSeq: number;
  /** Generation order; breaks ties of deliverAtMs so the output order is total and replayable. */
  readonly seq: number;
}

export interface SimSlice {
  /** The slice is the delivery interval [fromMs, toMs). */
  readonly fromMs: number;
  readonly toMs: number;
  /** Events delivered in the slice, ordered by (deliverAtMs, seq); event_timestamp may be older. */
  readonly events: SimEvent[];
  /** Dimension changes with changedAtMs in the slice, in time order. */
  readonly changes: DimChange[];
}
