/**
 * Which JavaScript files each App Router page of a Next build loads, read from the build's own
 * manifests (Next 16, Turbopack):
 * - `<dist>/build-manifest.json` `rootMainFiles`: the framework and runtime every page loads
 *   (`polyfillFiles` are `nomodule` scripts a modern browser skips, so they are left out);
 * - `<dist>/server/app/<route>/page_client-reference-manifest.js` `entryJSFiles`: the chunks of the
 *   client components the page's tree renders (layout, error and not-found boundaries, the page);
 * - chunks those files name (`static/chunks/<file>.js`): what dynamic imports load after start.
 * No browser and no server needed: `npm run bundle:size` runs right after `next build`.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

export interface PageChunks {
  /** The URL pattern: "/", "/daily", "/videos/[videoId]" (route groups dropped). */
  readonly page: string;
  /** Files under <dist>/ ("static/chunks/…js"), in load order: framework, page entries, then lazy ones. */
  readonly framework: readonly string[];
  readonly entries: readonly string[];
  readonly lazy: readonly string[];
}

const CHUNK_REF = /static\/chunks\/[A-Za-z0-9_.-]+\.js/g;
const MANIFEST_SUFFIX = "page_client-reference-manifest.js";

/** "/(pulse)/page" -> "/", "/videos/[videoId]/page" -> "/videos/[videoId]". */
export function pageOf(manifestKey: string): string {
  const parts = manifestKey.split("/").filter((p) => p && p !== "page" && !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

function findManifests(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findManifests(full, out);
    else if (entry.name === MANIFEST_SUFFIX) out.push(full);
  }
  return out;
}

interface ClientReferenceManifest {
  readonly entryJSFiles?: Readonly<Record<string, readonly string[]>>;
}

/** The manifest file assigns `globalThis.__RSC_MANIFEST[<key>]`; it is run in an empty context to read it. */
function readClientManifest(file: string): [string, ClientReferenceManifest][] {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file, timeout: 1_000 });
  return Object.entries(sandbox.__RSC_MANIFEST ?? {});
}

/** Files named by `files` (transitively) that are not in `known`. */
function referencedChunks(dist: string, files: readonly string[], known: ReadonlySet<string>): string[] {
  const seen = new Set(known);
  const lazy: string[] = [];
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const full = path.join(dist, file);
    if (!fs.existsSync(full)) continue;
    for (const ref of fs.readFileSync(full, "utf8").match(CHUNK_REF) ?? []) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      lazy.push(ref);
      queue.push(ref);
    }
  }
  return lazy;
}

export function pageChunks(dist: string): PageChunks[] {
  const build = JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const framework = [...new Set(build.rootMainFiles ?? [])];
  const pages: PageChunks[] = [];
  for (const file of findManifests(path.join(dist, "server", "app"))) {
    for (const [key, manifest] of readClientManifest(file)) {
      if (!key.endsWith("/page")) continue;
      // Next writes "/_next/static/…" in some fields and "static/…" in others: one spelling, relative to dist.
      const all = Object.values(manifest.entryJSFiles ?? {})
        .flat()
        .map((f) => f.replace(/^\/?_next\//, ""));
      const entries = [...new Set(all)].filter((f) => !framework.includes(f));
      const lazy = referencedChunks(dist, [...framework, ...entries], new Set([...framework, ...entries]));
      pages.push({ page: pageOf(key), framework, entries, lazy });
    }
  }
  return pages.sort((a, b) => a.page.localeCompare(b.page));
}
