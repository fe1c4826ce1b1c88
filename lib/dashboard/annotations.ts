/**
 * Annotations: deploys, incidents and notes pinned to a moment or a span of the time axis, shown on
 * the time charts of that moment. What the API answers and the charts draw; the write API's body
 * and the list's query are validated by annotation-schemas.ts (zod, on the server).
 */

export const ANNOTATION_KINDS = ["deploy", "incident", "note"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** A span longer than this is refused: a month covers any incident or rollout. */
export const MAX_SPAN_MS = 31 * 86_400_000;
/** The widest window one list asks for (the Pulse page's longest range is 7 days; the daily marts a year). */
export const MAX_LIST_WINDOW_MS = 400 * 86_400_000;
export const MAX_LIST_ROWS = 500;

export interface Annotation {
  readonly id: number;
  readonly kind: AnnotationKind;
  /** Epoch ms: the moment, or a span's start. */
  readonly at: number;
  /** Epoch ms of a span's end; null for a point. */
  readonly endsAt: number | null;
  /** null: about the whole platform. */
  readonly videoId: string | null;
  readonly text: string;
  readonly author: string;
  readonly source: string;
  readonly createdAt: number;
}
