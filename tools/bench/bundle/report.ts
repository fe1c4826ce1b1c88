/**
 * `npm run bundle:size`: JavaScript per page of a Next build, raw and gzip -9 (the same fixed
 * compression as the browser measurement in tools/bench/dashboard/js-size.ts, so the figures agree
 * whatever the server's own compression), split into framework, page entries and lazy chunks,
 * with the chunks that more than one page shares, and a budget check.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { int, kib } from "../format";
import { out } from "../report";
import { labelThenFigures, table } from "../table";
import { type PageChunks, pageChunks } from "./page-chunks";

export interface FileSize {
  readonly raw: number;
  readonly gzip: number;
}

export function fileSizes(dist: string, files: Iterable<string>): Map<string, FileSize> {
  const sizes = new Map<string, FileSize>();
  for (const f of files) {
    const body = fs.readFileSync(path.join(dist, f));
    sizes.set(f, { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
  }
  return sizes;
}

export interface PageSize {
  readonly page: string;
  readonly framework: number;
  readonly entries: number;
  readonly lazy: number;
  /** gzip -9 bytes the page needs before it is interactive: framework and page entries. */
  readonly firstLoad: number;
  /** gzip -9 bytes of everything the page loads, lazy chunks included. */
  readonly total: number;
  readonly raw: number;
}

const gz = (sizes: ReadonlyMap<string, FileSize>, files: readonly string[]) => files.reduce((a, f) => a + (sizes.get(f)?.gzip ?? 0), 0);

export function pageSize(p: PageChunks, sizes: ReadonlyMap<string, FileSize>): PageSize {
  const files = [...p.framework, ...p.entries, ...p.lazy];
  return {
    page: p.page,
    framework: gz(sizes, p.framework),
    entries: gz(sizes, p.entries),
    lazy: gz(sizes, p.lazy),
    firstLoad: gz(sizes, [...p.framework, ...p.entries]),
    total: gz(sizes, files),
    raw: files.reduce((a, f) => a + (sizes.get(f)?.raw ?? 0), 0),
  };
}

/** Prints the report; returns the pages over `budgetBytes` (gzip -9). */
export function reportBundle(dist: string, budgetBytes: number, only: readonly string[]): PageSize[] {
  const pages = pageChunks(dist).filter((p) => only.length === 0 || only.includes(p.page));
  const sizes = fileSizes(dist, new Set(pages.flatMap((p) => [...p.framework, ...p.entries, ...p.lazy])));
  const rows = pages.map((p) => pageSize(p, sizes));
  out(`## JavaScript per page, ${dist} (gzip -9 bytes; raw = uncompressed)`);
  out();
  const cells = rows.map((r) => [r.page, int(r.framework), int(r.entries), int(r.lazy), kib(r.firstLoad), kib(r.total), int(r.raw)]);
  for (const l of table(["page", "framework", "page entries", "lazy", "first load", "total", "raw"], cells, labelThenFigures(7))) out(`  ${l}`);
  out();
  out("  framework = build-manifest rootMainFiles (every page); page entries = the client components the page renders;");
  out("  lazy = chunks those load later (dynamic imports); first load = framework + page entries; total = all three,");
  out("  which is what the budget is checked against. Polyfills (nomodule) are not counted.");
  out();
  const usedBy = new Map<string, string[]>();
  for (const p of pages) for (const f of [...p.entries, ...p.lazy]) usedBy.set(f, [...(usedBy.get(f) ?? []), p.page]);
  out("  chunks (gzip -9 / raw bytes, pages):");
  const listed = [...sizes.entries()].sort((a, b) => b[1].gzip - a[1].gzip);
  for (const [f, s] of listed) {
    const where = pages[0]?.framework.includes(f) ? "framework" : (usedBy.get(f) ?? []).join(" ");
    out(`    ${int(s.gzip).padStart(9)} / ${int(s.raw).padStart(9)}  ${f}  ${where}`);
  }
  out();
  return rows.filter((r) => r.total > budgetBytes);
}
