/** Plain-text tables for benchmark reports: columns padded to their widest cell, a dashed rule under the header. */

export type Align = "left" | "right";

/** The usual report layout: a name column on the left, figures on the right. */
export const labelThenFigures = (columns: number): Align[] => ["left", ...Array<Align>(columns - 1).fill("right")];

export function table(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (cells: readonly string[]) =>
    widths
      .map((w, i) => (align[i] === "right" ? (cells[i] ?? "").padStart(w) : (cells[i] ?? "").padEnd(w)))
      .join("  ")
      .trimEnd();
  return [fmt(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)];
}
