/**
 * The one look of Pulse's link previews (Open Graph images, 1200 x 630): the brand, a title, an
 * optional subtitle, a few coloured lines (annotations), and big numbers along the bottom. Satori
 * (next/og) needs every element with children to say `display: flex`.
 */
export const OG_SIZE = { width: 1200, height: 630 };

export interface OgLine {
  readonly text: string;
  readonly color: string;
}

export function ogCard(p: { title: string; subtitle?: string; lines?: readonly OgLine[]; stats: readonly (readonly [label: string, value: string])[] }) {
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: 64, background: "#0f172a", color: "#f8fafc" }}>
      <div style={{ display: "flex", fontSize: 36, color: "#fb7185" }}>● Pulse</div>
      <div style={{ display: "flex", fontSize: p.title.length > 24 ? 56 : 72, fontWeight: 700, marginTop: 24 }}>{p.title}</div>
      {p.subtitle !== undefined && <div style={{ display: "flex", fontSize: 32, color: "#94a3b8", marginTop: 8 }}>{p.subtitle}</div>}
      <div style={{ display: "flex", flexDirection: "column", marginTop: 20, gap: 6 }}>
        {(p.lines ?? []).map((l) => (
          <div key={l.text} style={{ display: "flex", fontSize: 28, color: l.color }}>
            {l.text}
          </div>
        ))}
      </div>
      <div style={{ display: "flex", marginTop: "auto", gap: 56 }}>
        {p.stats.map(([label, value]) => (
          <div key={label} style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ display: "flex", fontSize: 64, fontWeight: 700 }}>{value}</div>
            <div style={{ display: "flex", fontSize: 28, color: "#94a3b8" }}>{label}</div>
          </div>
        ))}
      </div>
    </div>
  );
}

/** An annotation's colour in previews (light tints of the charts' marks, for the dark card). */
export const NOTE_COLORS = { incident: "#fca5a5", deploy: "#93c5fd", note: "#cbd5e1" } as const;
