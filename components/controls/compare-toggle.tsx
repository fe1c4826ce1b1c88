"use client";
import type { CompareMode } from "@/lib/dashboard/param-values";
import { ButtonGroup } from "./button-group";

const COMPARES: readonly { value: CompareMode; label: string }[] = [
  { value: "off", label: "off" },
  { value: "day", label: "day before" },
  { value: "week", label: "week before" },
];

/** The time charts' comparison overlay (`compare` in the URL): off, the same range a day or a week earlier. */
export function CompareToggle({ value, onChange }: { value: CompareMode; onChange: (v: CompareMode) => void }) {
  return <ButtonGroup label="compare with" options={COMPARES} value={value} onChange={onChange} />;
}

export const compareLabel = (mode: CompareMode) => (mode === "week" ? "a week earlier" : "a day earlier");
