import "server-only";
/**
 * The Pulse page's link preview (Open Graph image): the view's range (live, counting back from now,
 * or pinned to fixed minutes), its KPI numbers, and the annotations of that range. Rendered per URL,
 * so a saved or pinned link unfurls with what it shows.
 */
import { ImageResponse } from "next/og";
import type { Annotation } from "../../dashboard/annotations";
import { fmtDateTime, fmtInt, fmtPct, fmtTime, zoneLabel } from "../../dashboard/format";
import type { PulseRangeQuery } from "../../dashboard/schemas";
import { listAnnotations } from "../ops/annotations";
import { getPulseKpis } from "../queries/pulse-kpis";
import { NOTE_COLORS, OG_SIZE, ogCard } from "./og-card";

export interface PulsePreviewModel {
  readonly title: string;
  /** "deploy 12:03: api v42", the range's newest three annotations. */
  readonly notes: readonly { kind: Annotation["kind"]; line: string }[];
  readonly stats: readonly (readonly [label: string, value: string])[];
}

/** What the image shows, as data (the image draws exactly this; the e2e suite checks it as JSON). */
export async function pulsePreviewModel(q: PulseRangeQuery, pinned: boolean): Promise<PulsePreviewModel> {
  const kpis = await getPulseKpis(q).catch(() => null);
  const k = kpis?.data;
  const notes: Annotation[] = k ? await listAnnotations({ from: k.rangeStart, to: k.rangeEnd }).catch(() => []) : [];
  const r = q.range;
  const title =
    r.kind === "preset"
      ? `Live: the last ${r.preset}`
      : `${pinned ? "Pinned: " : ""}${fmtDateTime(r.startMs, q.tz)} – ${fmtDateTime(r.endMs, q.tz).slice(11)} ${zoneLabel(q.tz)}`;
  const stats: [string, string][] = k
    ? [
        ["plays", fmtInt(k.current.plays)],
        ["impressions", fmtInt(k.current.impressions)],
        ["completion", fmtPct(k.current.completionRate)],
      ]
    : [["", "numbers unavailable"]];
  return { title, stats, notes: notes.slice(-3).map((n) => ({ kind: n.kind, line: `${n.kind} ${fmtTime(n.at, q.tz)}: ${n.text}`.slice(0, 70) })) };
}

export function pulsePreview(m: PulsePreviewModel): ImageResponse {
  return new ImageResponse(ogCard({ title: m.title, lines: m.notes.map((n) => ({ text: n.line, color: NOTE_COLORS[n.kind] })), stats: m.stats }), {
    ...OG_SIZE,
    headers: { "Cache-Control": "public, max-age=60" },
  });
}
