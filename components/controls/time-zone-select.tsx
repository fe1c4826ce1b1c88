"use client";
import { useEffect, useState } from "react";

const COMMON = [
  "UTC",
  "America/Los_Angeles",
  "America/New_York",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Sydney",
];

/** One zone drives bucketing and display on the page; kept in the URL as `tz`. */
export function TimeZoneSelect({ value, onChange }: { value: string; onChange: (tz: string) => void }) {
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const zones = [...new Set([value, ...COMMON, ...(browserZone ? [browserZone] : [])])];
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="text-slate-500">Zone</span>
      <select
        aria-label="time zone"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
            {z === browserZone && z !== "UTC" ? " (yours)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
