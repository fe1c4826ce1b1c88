/**
 * The annotations API's input, validated at the boundary (zod, on the server, like schemas.ts):
 * the write API's body, the list's window and the delete's id. Bad input is a 400 naming the field.
 */
import { z } from "zod";
import { ANNOTATION_KINDS, MAX_LIST_WINDOW_MS, MAX_SPAN_MS } from "./annotations";
import { instantSchema, videoIdSchema } from "./schemas";
import { strictObjectError, plainText as text } from "./text-schema";

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
    { error: strictObjectError },
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
