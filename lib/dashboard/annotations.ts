/**
 * Annotations: deploys, incidents and notes pinned to a moment or a span of the time axis, shown on
 * the time charts of that moment. The write API's body and the list's query are validated here (zod,
 * at the boundary); the same types describe what the API answers and the charts draw.
 */
import { z } from "zod";
import { instantSchema, videoIdSchema } from "./schemas";

export const ANNOTATION_KINDS = ["deploy", "incident", "note"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** A span longer than this is refused: a month covers any incident or rollout. */
export const MAX_SPAN_MS = 31 * 86_400_000;
/** The widest window one list asks for (the Pulse page's longest range is 7 days; the daily marts a year). */
export const MAX_LIST_WINDOW_MS = 400 * 86_400_000;
export const MAX_LIST_ROWS = 500;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    // Control characters (other than tab and newline) have no place in a note and break logs.
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), `${what} contains control characters`);

/** POST /api/annotations: unknown fields are refused, so a typo never silently drops a value. */
export const newAnnotationSchema = z
  .strictObject(
    {
      kind: z.enum(ANNOTATION_KINDS, { error: `kind must be one of ${ANNOTATION_KINDS.join(", ")}` }),
      text: text("text", 2000),
      author: text("author", 200),
      source: text("source", 100).default("api"),
      at: instantSchema,
      endsAt: instantSchema.optional(),
      videoId: videoIdSchema.optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : "the body must be a JSON object") },
  )
  .superRefine((a, ctx) => {
    if (a.endsAt === undefined) return;
    if (a.endsAt < a.at) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "endsAt must not be before at" });
    else if (a.endsAt - a.at > MAX_SPAN_MS) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "a span may last at most 31 days" });
  });
export type NewAnnotation = z.output<typeof newAnnotationSchema>;

/** GET /api/annotations?from=&to=[&videoId=]: those a chart of [from, to) shows. */
export const annotationsQuery = z.object({ from: instantSchema, to: instantSchema, videoId: videoIdSchema.optional() }).superRefine((q, ctx) => {
  if (q.to <= q.from) ctx.addIssue({ code: "custom", path: ["to"], message: "from must be before to" });
  else if (q.to - q.from > MAX_LIST_WINDOW_MS) ctx.addIssue({ code: "custom", path: ["to"], message: "the window may span at most 400 days" });
});

/** DELETE /api/annotations/[id]. */
export const annotationIdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "id must be a positive whole number")
    .transform(Number),
});

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
