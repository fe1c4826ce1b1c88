import { ANNOTATION_COLORS, type AnnotationMark } from "@/lib/dashboard/annotation-marks";

/**
 * A time chart's lines drawn as plain SVG by React, on the server as well: what the page shows from
 * its first paint until the chart engine (ECharts, loaded lazily) takes over the same box. Same
 * colours, same plot area (the engine's grid insets), each axis scaled from zero to its largest
 * value; no ticks, labels or tooltip, which arrive with the engine a moment later.
 */
export interface PreviewSeries {
  readonly values: readonly (number | null)[];
  readonly axis?: "left" | "right";
  /** A comparison overlay's line: its counterpart's colour, dashed. */
  readonly color?: string;
  readonly dashed?: boolean;
}

export interface PlotInsets {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** At most this many points per line: a 24 h series (1,440 minutes) stays a few KB of HTML. */
const MAX_POINTS = 480;
/** The width the lines are computed at; the SVG stretches to its box (non-scaling strokes). */
const VIEW_W = 1000;

/** "x,y" pairs of one line in a VIEW_W × `h` box, null points breaking it into segments. */
export function polylinePoints(values: readonly (number | null)[], max: number, h: number): string[] {
  const n = values.length;
  if (n === 0) return [];
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  const x = (i: number) => (n === 1 ? VIEW_W / 2 : (i / (n - 1)) * VIEW_W);
  const y = (v: number) => (max > 0 ? h - (v / max) * h : h);
  const segments: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < n; i += step) {
    // The bucket's largest value, so a short peak is not skipped by the thinning.
    let v: number | null = null;
    for (let j = i; j < Math.min(n, i + step); j++) {
      const w = values[j];
      if (w !== null && w !== undefined && (v === null || w > v)) v = w;
    }
    if (v === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
      continue;
    }
    current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  }
  if (current.length) segments.push(current.join(" "));
  return segments;
}

const maxOf = (lines: readonly PreviewSeries[]) => lines.reduce((m, s) => s.values.reduce<number>((a, v) => (v !== null && v > a ? v : a), m), 0);

interface ChartPreviewProps {
  readonly series: readonly PreviewSeries[];
  readonly palette: readonly string[];
  readonly height: number;
  readonly insets: PlotInsets;
  /** Annotations, drawn as the chart draws them: a dashed line at a point, a band over a span. */
  readonly marks?: readonly AnnotationMark[];
  /**
   * A performance mark set when the browser parses the server's HTML of this preview (an inline
   * script, run once by the parser, never by React), e.g. for the first-chart benchmark.
   */
  readonly mark?: string;
}

export function ChartPreview(p: ChartPreviewProps) {
  const h = Math.max(1, p.height - p.insets.top - p.insets.bottom);
  const leftMax = maxOf(p.series.filter((s) => s.axis !== "right"));
  const rightMax = maxOf(p.series.filter((s) => s.axis === "right"));
  return (
    <div className="relative" style={{ height: p.height }} data-chart-preview aria-hidden>
      <svg
        className="absolute"
        style={{
          left: p.insets.left,
          right: p.insets.right,
          top: p.insets.top,
          bottom: p.insets.bottom,
          width: `calc(100% - ${p.insets.left + p.insets.right}px)`,
          height: h,
        }}
        viewBox={`0 0 ${VIEW_W} ${h}`}
        preserveAspectRatio="none"
      >
        <title>chart preview</title>
        {(p.marks ?? []).map((m) => {
          const n = p.series[0]?.values.length ?? 0;
          const x = (i: number) => (n <= 1 ? VIEW_W / 2 : (i / (n - 1)) * VIEW_W);
          const color = ANNOTATION_COLORS[m.kind];
          return m.span ? (
            <rect key={m.id} x={x(m.from)} width={Math.max(1, x(m.to) - x(m.from))} y={0} height={h} fill={color} fillOpacity={0.12} />
          ) : (
            <line key={m.id} x1={x(m.from)} x2={x(m.from)} y1={0} y2={h} stroke={color} strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />
          );
        })}
        <line x1={0} x2={VIEW_W} y1={h} y2={h} stroke="currentColor" strokeOpacity={0.2} vectorEffect="non-scaling-stroke" />
        {p.series.flatMap((s, i) =>
          polylinePoints(s.values, s.axis === "right" ? rightMax : leftMax, h).map((pts, k) => (
            <polyline
              // biome-ignore lint/suspicious/noArrayIndexKey: series and segments are positional and never reordered
              key={`${i}-${k}`}
              points={pts}
              fill="none"
              stroke={s.color ?? p.palette[i % p.palette.length]}
              strokeDasharray={s.dashed ? "4 3" : undefined}
              strokeWidth={1.5}
              vectorEffect="non-scaling-stroke"
            />
          )),
        )}
      </svg>
      {p.mark && (
        <script
          // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant mark name from the code, never user input
          dangerouslySetInnerHTML={{ __html: `performance.getEntriesByName(${JSON.stringify(p.mark)}).length||performance.mark(${JSON.stringify(p.mark)})` }}
        />
      )}
    </div>
  );
}
