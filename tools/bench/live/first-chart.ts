/**
 * Section 5: time to first chart on `/` against the running server, warm (after two loads),
 * through the dashboard benchmark's own measurement (../dashboard/first-chart.ts): the
 * `pulse:first-chart` mark in a fresh Chromium context per run.
 */
import { chromium } from "@playwright/test";
import { type ChartRun, loadPulse, okFirstCharts, previewLines } from "../dashboard/first-chart";
import { ms1 } from "../format";
import { out, progress } from "../report";
import { maximum, median } from "../stats";

export interface ChartResult {
  readonly browser: string;
  readonly warm: readonly ChartRun[];
  readonly runs: readonly ChartRun[];
}

export async function chartPhase(base: string, chromiumPath: string, runs: number): Promise<ChartResult> {
  const browser = await chromium.launch({ executablePath: chromiumPath });
  try {
    const warm = [await loadPulse(browser, base), await loadPulse(browser, base)];
    const measured: ChartRun[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await loadPulse(browser, base);
      measured.push(r);
      progress(`first chart: run ${i + 1}/${runs}: ${r.error ? `FAILED: ${r.error}` : `${ms1(r.firstChartMs)} ms`}`);
    }
    return { browser: `Chromium ${browser.version()} (${chromiumPath})`, warm, runs: measured };
  } finally {
    await browser.close();
  }
}

export function reportChart(c: ChartResult): void {
  out(`## 5. Time to first chart on / (warm: 2 loads first, then ${c.runs.length} fresh contexts; ${c.browser})`);
  out();
  const ok = okFirstCharts(c.runs);
  out(`  first chart (mark 'pulse:first-chart', ms after navigation start): ${c.runs.map((r) => (r.error ? "FAILED" : ms1(r.firstChartMs))).join(", ")}`);
  out(`  median ${ms1(median(ok))} ms, max ${ms1(maximum(ok))} ms (${ok.length} of ${c.runs.length} runs)`);
  for (const l of previewLines(c.runs)) out(l);
  const ttfb = c.runs.flatMap((r) => (r.ttfbMs === null ? [] : [r.ttfbMs]));
  if (ttfb.length) out(`  TTFB median ${ms1(median(ttfb))} ms`);
  for (const [i, r] of c.runs.entries()) if (r.error) out(`  run ${i + 1} FAILED: ${r.error}`);
  out(`  warm-up loads (not counted): ${c.warm.map((w) => (w.error ? `FAILED (${w.error})` : `${ms1(w.firstChartMs)} ms`)).join(", ")}`);
  out("  commit to screen is measured by the e2e suite (fixture commit), not here");
  out();
}
