/** A tiny line of a row's last minutes (no axes): its shape at a glance, its numbers in the title and data attribute. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const w = 80;
  const h = 20;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(h - 1 - (v / max) * (h - 2)).toFixed(1)}`).join(" ");
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} data-testid="sparkline" data-values={values.join(",")}>
      <title>{label}</title>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.25} />
    </svg>
  );
}
