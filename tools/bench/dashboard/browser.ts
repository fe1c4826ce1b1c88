/** What every browser measurement shares: a fresh context per load (cold cache) and the first-chart mark. */
import type { Browser, BrowserContext } from "@playwright/test";

export const VIEWPORT = { width: 1280, height: 900 } as const;

export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT });
}

// Strings, not functions: tsx's keepNames would wrap arrow functions in a helper the page lacks.
/** The Pulse page marks `pulse:first-chart` when its platform chart first renders (app/(pulse)/client.tsx). */
export const FIRST_CHART_EXISTS = "performance.getEntriesByName('pulse:first-chart').length > 0";
export const FIRST_CHART_START = "performance.getEntriesByName('pulse:first-chart')[0].startTime";
export const NAV_TIMING =
  "(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? { ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd } : null })()";
/**
 * When the server-rendered preview of the platform chart (its lines as SVG, before the chart engine
 * loads) was parsed, and the first contentful paint; null when absent.
 */
export const PREVIEW_TIMING =
  "(() => { const m = performance.getEntriesByName('pulse:chart-preview')[0]; const f = performance.getEntriesByName('first-contentful-paint')[0]; return { preview: m ? m.startTime : null, fcp: f ? f.startTime : null } })()";
