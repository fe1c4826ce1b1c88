import assert from "node:assert/strict";
import { test } from "node:test";
import { playlistBodySchema } from "./playlist-schemas";

const ok = (items: unknown[]) => playlistBodySchema.safeParse({ name: " Ops wall ", author: "ops", items });
const firstIssue = (items: unknown[]) => {
  const r = ok(items);
  assert.equal(r.success, false);
  return `${r.error!.issues[0]!.path.join(".")}: ${r.error!.issues[0]!.message}`;
};

test("a playlist of a saved view and a dashboard URL is accepted, the name trimmed", () => {
  const r = ok([
    { viewId: 3, dwellSeconds: 30 },
    { url: "/videos/v_1?range=6h", dwellSeconds: 5 },
  ]);
  assert.equal(r.success, true);
  assert.deepEqual(r.data, {
    name: "Ops wall",
    author: "ops",
    items: [
      { viewId: 3, dwellSeconds: 30 },
      { url: "/videos/v_1?range=6h", dwellSeconds: 5 },
    ],
  });
});

test("hostile and malformed items are refused, each with its own message", () => {
  assert.equal(firstIssue([{ url: "https://evil.example/", dwellSeconds: 10 }]).startsWith("items.0.url: url must be a page of this dashboard"), true);
  assert.equal(firstIssue([{ url: "//evil.example/", dwellSeconds: 10 }]).startsWith("items.0.url: url must be a page"), true);
  assert.equal(firstIssue([{ url: "/playlists/1", dwellSeconds: 10 }]).startsWith("items.0.url: url must be a page"), true);
  assert.equal(firstIssue([{ url: "/\n", dwellSeconds: 10 }]).startsWith("items.0.url: url must be a page"), true);
  assert.equal(firstIssue([{ url: "/", viewId: 1, dwellSeconds: 10 }]), "items.0: each item names either a saved view (viewId) or a url, not both");
  assert.equal(firstIssue([{ dwellSeconds: 10 }]), "items.0: each item names either a saved view (viewId) or a url, not both");
  assert.equal(firstIssue([{ viewId: 1, dwellSeconds: 4 }]), "items.0.dwellSeconds: dwellSeconds must be at least 5");
  assert.equal(firstIssue([{ viewId: 1, dwellSeconds: 7.5 }]), "items.0.dwellSeconds: dwellSeconds must be a whole number of seconds");
  assert.equal(firstIssue([{ viewId: "1; DROP TABLE x", dwellSeconds: 10 }]), "items.0.viewId: viewId must be a number");
  assert.equal(firstIssue([{ viewId: 1, dwellSeconds: 10, sql: "x" }]), "items.0: unknown field(s): sql");
  assert.equal(firstIssue([]), "items: a playlist needs at least one item");
  assert.equal(firstIssue(Array.from({ length: 51 }, () => ({ viewId: 1, dwellSeconds: 10 }))), "items: a playlist holds at most 50 items");
});
