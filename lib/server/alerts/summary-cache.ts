import "server-only";
/**
 * The nav badge's numbers, shared by every viewer: every page polls them, so the store is asked at
 * most once per SUMMARY_TTL_MS (concurrent callers share one read).
 */
import type { AlertSummary } from "../../dashboard/alerts";
import { summary } from "./store";

const SUMMARY_TTL_MS = 5_000;
const key = Symbol.for("pulse.dashboard.alertSummary");
type Holder = { [key]?: { at: number; value: Promise<AlertSummary> } };

export function alertSummary(): Promise<AlertSummary> {
  const holder = globalThis as Holder;
  const hit = holder[key];
  if (hit && Date.now() - hit.at < SUMMARY_TTL_MS) return hit.value;
  const value = summary();
  holder[key] = { at: Date.now(), value };
  // A failed read is not kept: the next caller asks again.
  value.catch(() => {
    if (holder[key]?.value === value) holder[key] = undefined;
  });
  return value;
}
