/**
 * Section 1: JavaScript shipped per page. Every same-origin script response loaded until network
 * idle in a fresh Chromium context, raw bytes and gzip -9 of each body (a fixed compression, so the
 * number does not depend on how the server compresses).
 */
import zlib from "node:zlib";
import type { Browser } from "@playwright/test";
import { int, kib } from "../format";
import { out, sleep } from "../report";
import { labelThenFigures, table } from "../table";
import { FIRST_CHART_EXISTS, newContext } from "./browser";

export interface ScriptSize {
  readonly url: string;
  readonly raw: number;
  readonly gzip: number;
  /** Encoded body bytes on the wire (the server's own compression), when Chromium reports it. */
  readonly wire: number | null;
  /** Referenced by the HTML document itself, as opposed to loaded later (dynamic import, link prefetch). */
  readonly inHtml: boolean;
}

export interface PageJs {
  readonly path: string;
  readonly status: number;
  readonly scripts: readonly ScriptSize[];
  readonly note?: string | undefined;
}

const sum = (xs: readonly ScriptSize[], f: (s: ScriptSize) => number) => xs.reduce((a, s) => a + f(s), 0);

export const gzipTotal = (p: PageJs) => sum(p.scripts, (s) => s.gzip);

export async function measurePageJs(browser: Browser, base: string, pagePath: string): Promise<PageJs> {
  const origin = new URL(base).origin;
  const ctx = await newContext(browser);
  try {
    const page = await ctx.newPage();
    const pending: Promise<void>[] = [];
    const bodies = new Map<string, { raw: number; gzip: number; wire: number | null }>();
    page.on("response", (res) => {
      const req = res.request();
      if (req.resourceType() !== "script" || new URL(res.url()).origin !== origin || bodies.has(res.url())) return;
      pending.push(
        (async () => {
          const body = await res.body();
          await res.finished();
          let wire: number | null = null;
          try {
            wire = (await req.sizes()).responseBodySize;
          } catch {
            wire = null;
          }
          bodies.set(res.url(), { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length, wire });
        })(),
      );
    });
    const resp = await page.goto(`${base}${pagePath}`, { waitUntil: "networkidle", timeout: 90_000 });
    if (!resp) throw new Error(`no response for ${pagePath}`);
    const html = await resp.text();
    let note: string | undefined;
    if (pagePath === "/") {
      // The chart library is loaded with the chart: wait for it so its chunks are counted.
      try {
        await page.waitForFunction(FIRST_CHART_EXISTS, undefined, { timeout: 60_000 });
      } catch {
        note = "the chart did not render within 60 s: its scripts may be missing from the sum";
      }
    }
    await page.waitForLoadState("networkidle");
    await sleep(1_000); // anything scheduled after idle (idle-time prefetch) gets a chance to start
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    const scripts = [...bodies.entries()]
      .map(([url, b]) => {
        const u = new URL(url);
        return { url: u.pathname + u.search, ...b, inHtml: html.includes(u.pathname) };
      })
      .sort((a, b) => b.gzip - a.gzip);
    return { path: pagePath, status: resp.status(), scripts, note };
  } finally {
    await ctx.close();
  }
}

export function reportJs(pages: readonly PageJs[]): void {
  out("## 1. JavaScript shipped per page (same-origin scripts until network idle, fresh context)");
  out();
  const rows = pages.map((p) => {
    const html = p.scripts.filter((s) => s.inHtml);
    const wireKnown = p.scripts.every((s) => s.wire !== null);
    return [
      p.path,
      String(p.status),
      String(p.scripts.length),
      int(sum(p.scripts, (s) => s.raw)),
      int(gzipTotal(p)),
      kib(gzipTotal(p)),
      wireKnown ? int(sum(p.scripts, (s) => s.wire ?? 0)) : "n/a",
      `${html.length} / ${int(sum(html, (s) => s.gzip))}`,
    ];
  });
  for (const l of table(["page", "HTTP", "scripts", "raw bytes", "gzip-9 bytes", "gzip-9", "wire bytes", "in HTML: n / gzip-9"], rows, labelThenFigures(8)))
    out(`  ${l}`);
  out();
  out("  wire = encoded body bytes Chromium received (the server's own compression); 'in HTML' = chunks the");
  out("  document references, the rest were loaded afterwards (dynamic imports, link prefetches).");
  out();
  for (const p of pages) if (p.note) out(`  WARNING ${p.path}: ${p.note}`);
  for (const p of pages) {
    out(`  ${p.path}: per script (gzip-9 / raw bytes, * = not referenced by the HTML)`);
    for (const s of p.scripts) out(`    ${int(s.gzip).padStart(9)} / ${int(s.raw).padStart(9)}  ${s.inHtml ? " " : "*"} ${s.url}`);
  }
  out();
}
