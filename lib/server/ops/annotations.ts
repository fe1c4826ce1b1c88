import "server-only";
/** The annotations store over sql/ops_queries (ops-db.ts): create, list a chart's window, delete. */
import type { NewAnnotation } from "../../dashboard/annotation-schemas";
import { type Annotation, type AnnotationKind, MAX_LIST_ROWS } from "../../dashboard/annotations";
import { opsQuery } from "./ops-db";

interface AnnotationRow {
  readonly id: string;
  readonly kind: AnnotationKind;
  readonly at: Date;
  readonly ends_at: Date | null;
  readonly video_id: string | null;
  readonly text: string;
  readonly author: string;
  readonly source: string;
  readonly created_at: Date;
}

const toAnnotation = (r: AnnotationRow): Annotation => ({
  id: Number(r.id),
  kind: r.kind,
  at: r.at.getTime(),
  endsAt: r.ends_at === null ? null : r.ends_at.getTime(),
  videoId: r.video_id,
  text: r.text,
  author: r.author,
  source: r.source,
  createdAt: r.created_at.getTime(),
});

export async function createAnnotation(a: NewAnnotation): Promise<Annotation> {
  const [row] = await opsQuery<AnnotationRow>("annotation_insert", [
    a.kind,
    new Date(a.at),
    a.endsAt === undefined ? null : new Date(a.endsAt),
    a.videoId ?? null,
    a.text,
    a.author,
    a.source,
  ]);
  if (!row) throw new Error("annotation_insert returned no row");
  return toAnnotation(row);
}

/** Those a chart of [from, to) shows: the platform's, and `videoId`'s when given; oldest first. */
export async function listAnnotations(q: { from: number; to: number; videoId?: string | undefined }): Promise<Annotation[]> {
  const rows = await opsQuery<AnnotationRow>("annotations_in_range", [new Date(q.from), new Date(q.to), q.videoId ?? null, MAX_LIST_ROWS]);
  return rows.map(toAnnotation);
}

/** Whether there was such an annotation. */
export async function deleteAnnotation(id: number): Promise<boolean> {
  return (await opsQuery<{ id: string }>("annotation_delete", [id])).length === 1;
}
