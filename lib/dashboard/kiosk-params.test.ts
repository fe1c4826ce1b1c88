import assert from "node:assert/strict";
import { test } from "node:test";
import { createLoader } from "nuqs/server";
import { kioskHref, kioskParams, withKiosk } from "./kiosk-params";
import { kioskQuery } from "./schemas";

const load = createLoader(kioskParams);

test("kiosk=1 and kiosk=true turn it on; absent, 0 or nonsense leave it off; stale defaults to 3 minutes", () => {
  assert.deepEqual(load("?kiosk=1"), { kiosk: true, stale: 3 });
  assert.deepEqual(load("?kiosk=true&stale=0.5"), { kiosk: true, stale: 0.5 });
  assert.deepEqual(load(""), { kiosk: false, stale: 3 });
  assert.deepEqual(load("?kiosk=0"), { kiosk: false, stale: 3 });
  assert.deepEqual(load("?kiosk=yes&stale=abc"), { kiosk: false, stale: 3 });
});

test("links: the flag is written as 1 and the default threshold is left out", () => {
  assert.equal(kioskHref("/", { kiosk: true, stale: 3 }), "/?kiosk=1");
  assert.equal(kioskHref("/", { kiosk: true, stale: 10 }), "/?kiosk=1&stale=10");
  assert.equal(withKiosk("/daily?from=2026-11-01"), "/daily?from=2026-11-01&kiosk=1");
  assert.equal(withKiosk("/", 10), "/?kiosk=1&stale=10");
  assert.equal(withKiosk("/?kiosk=0&stale=3", 3), "/?kiosk=1&stale=3");
});

test("the server pages refuse a bad flag or threshold with a message", () => {
  const issue = (q: Record<string, unknown>) => kioskQuery.safeParse(q).error?.issues[0]?.message;
  assert.equal(issue({ kiosk: "1", stale: "0.5" }), undefined);
  assert.equal(issue({}), undefined);
  assert.equal(issue({ kiosk: "yes" }), "kiosk must be 1 (on) or 0 (off)");
  assert.equal(issue({ stale: "0" }), "stale must be at least 0.5 minutes");
  assert.equal(issue({ stale: "2000" }), "stale must be at most 1440 minutes");
  assert.equal(issue({ stale: "ten" }), "stale must be a number of minutes");
});
