import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { pageChunks, pageOf } from "./page-chunks";
import { fileSizes, pageSize } from "./report";

/** A dist folder as Next 16 writes it, with files of known sizes. */
function fakeDist(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "pulse-bundle-"));
  const write = (rel: string, body: string) => {
    fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
    fs.writeFileSync(path.join(dist, rel), body);
  };
  write(
    "build-manifest.json",
    JSON.stringify({ polyfillFiles: ["static/chunks/poly.js"], rootMainFiles: ["static/chunks/main.js", "static/chunks/turbopack-rt.js"] }),
  );
  const manifest = (key: string, entries: Record<string, string[]>) =>
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(key)}] = ${JSON.stringify({ entryJSFiles: entries })};`;
  write(
    "server/app/(pulse)/page_client-reference-manifest.js",
    manifest("/(pulse)/page", {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/(pulse)/page": ["/_next/static/chunks/layout.js", "static/chunks/pulse.js", "static/chunks/main.js"],
    }),
  );
  write(
    "server/app/videos/[videoId]/page_client-reference-manifest.js",
    manifest("/videos/[videoId]/page", {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/videos/[videoId]/page": ["static/chunks/video.js"],
    }),
  );
  write("server/app/api/health/route_client-reference-manifest.js", manifest("/api/health/route", { "[project]/app/layout": ["static/chunks/layout.js"] }));
  write("static/chunks/poly.js", "p".repeat(1000));
  write("static/chunks/main.js", "m".repeat(300));
  write("static/chunks/turbopack-rt.js", "r".repeat(50));
  write("static/chunks/layout.js", "l".repeat(40));
  // The page chunk loads a chart chunk on demand, which loads another.
  write("static/chunks/pulse.js", `x;load("static/chunks/chart.js")`);
  write("static/chunks/chart.js", `c;load("static/chunks/chart-extra.js");load("static/chunks/main.js")`);
  write("static/chunks/chart-extra.js", "e".repeat(7));
  write("static/chunks/video.js", "v".repeat(20));
  return dist;
}

describe("JS per page from the build manifests", () => {
  test("page names drop route groups and the page segment", () => {
    assert.equal(pageOf("/(pulse)/page"), "/");
    assert.equal(pageOf("/videos/[videoId]/page"), "/videos/[videoId]");
    assert.equal(pageOf("/daily/page"), "/daily");
  });

  test("framework, entries (deduplicated, framework files not twice) and lazy chunks; route handlers and polyfills left out", () => {
    const dist = fakeDist();
    assert.deepEqual(pageChunks(dist), [
      {
        page: "/",
        framework: ["static/chunks/main.js", "static/chunks/turbopack-rt.js"],
        entries: ["static/chunks/layout.js", "static/chunks/pulse.js"],
        lazy: ["static/chunks/chart.js", "static/chunks/chart-extra.js"],
      },
      {
        page: "/videos/[videoId]",
        framework: ["static/chunks/main.js", "static/chunks/turbopack-rt.js"],
        entries: ["static/chunks/layout.js", "static/chunks/video.js"],
        lazy: [],
      },
    ]);
  });

  test("sizes: raw bytes add up by hand, gzip is zlib -9 of each file", () => {
    const dist = fakeDist();
    const [pulse] = pageChunks(dist);
    const sizes = fileSizes(dist, [...pulse!.framework, ...pulse!.entries, ...pulse!.lazy]);
    const size = pageSize(pulse!, sizes);
    // main 300 + runtime 50 + layout 40 + pulse.js 32 (8 + 22 + 2 characters) + chart.js 68 (8 + 28 + 3 + 6 + 21 + 2) + chart-extra 7
    assert.equal(size.raw, 497);
    assert.equal(size.total, size.framework + size.entries + size.lazy);
    assert.equal(size.framework, sizes.get("static/chunks/main.js")!.gzip + sizes.get("static/chunks/turbopack-rt.js")!.gzip);
    assert.ok(sizes.get("static/chunks/main.js")!.gzip < 300, "300 repeated bytes compress");
  });
});
