"use client";
import { useState } from "react";
import { DAY_MS, type PulseRange } from "@/lib/dashboard/param-values";
import { instantToWallTime, urlInstant, wallTimeToInstant } from "@/lib/dashboard/zoned-time";
import { ButtonGroup } from "./button-group";

const OPTIONS: readonly { value: PulseRange; label: string }[] = [
  { value: "1h", label: "1h" },
  { value: "6h", label: "6h" },
  { value: "24h", label: "24h" },
  { value: "custom", label: "Custom" },
];

interface RangeChange {
  readonly range: PulseRange;
  readonly from: string | null;
  readonly to: string | null;
}

interface Props extends RangeChange {
  readonly tz: string;
  readonly onChange: (changes: RangeChange) => unknown;
}

/** Presets count back from the data watermark; a custom range is two wall times in the dashboard's zone. */
export function RangePicker({ range, from: urlFrom, to: urlTo, tz, onChange }: Props) {
  // A link with from/to and no range is a custom range too (the API reads it so).
  const current: PulseRange = range === "24h" && urlFrom ? "custom" : range;
  const [editing, setEditing] = useState(current === "custom");
  const initialFrom = urlFrom ? Date.parse(urlFrom) : Date.now() - DAY_MS;
  const initialTo = urlTo ? Date.parse(urlTo) : Date.now();
  const [from, setFrom] = useState(() => instantToWallTime(Number.isFinite(initialFrom) ? initialFrom : Date.now() - DAY_MS, tz));
  const [to, setTo] = useState(() => instantToWallTime(Number.isFinite(initialTo) ? initialTo : Date.now(), tz));
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    const f = wallTimeToInstant(from, tz);
    const t = wallTimeToInstant(to, tz);
    if (f === null || t === null) return setError("enter both times");
    if (t <= f) return setError("the end must be after the start");
    if (t - f > 7 * DAY_MS) return setError("at most 7 days (the real-time log's retention)");
    setError(null);
    onChange({ range: "custom", from: urlInstant(f), to: urlInstant(t) });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <ButtonGroup
        label="time range"
        options={OPTIONS}
        value={editing ? "custom" : current}
        onChange={(v) => {
          if (v === "custom") return setEditing(true);
          setEditing(false);
          onChange({ range: v, from: null, to: null });
        }}
      />
      {editing && (
        <form
          className="flex flex-wrap items-center gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <input
            aria-label="from"
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
          />
          <span>→</span>
          <input
            aria-label="to"
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
          />
          <button type="submit" className="rounded bg-slate-900 px-3 py-1 text-white dark:bg-slate-100 dark:text-slate-900">
            Apply
          </button>
          {error && (
            <span className="text-xs text-red-600" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
