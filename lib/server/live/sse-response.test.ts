import assert from "node:assert/strict";
import { test } from "node:test";
import { LiveView } from "./live-view";
import { streamResponse } from "./sse-response";

const tilesAt = (version: string) => ({
  data: { plays: 7 },
  meta: { sql: "SELECT 1", fetchedAt: 0, stale: false, ageSeconds: 0, watermark: 0, version },
});

async function loadedView(): Promise<LiveView> {
  const view = new LiveView("k", [{ name: "tiles", kind: "full", load: async () => tilesAt("b1") }], () => "b1");
  await view.ready();
  return view;
}

test("a stream opened for a browser that already left subscribes nobody and ends at once", async () => {
  const view = await loadedView();
  const gone = new AbortController();
  gone.abort();
  const res = streamResponse(new Request("http://pulse.test/api/live/pulse", { signal: gone.signal }), view);
  assert.equal(view.subscriberCount, 0);
  assert.equal(await res.text(), "");
});

test("a browser that leaves later is unsubscribed by the abort", async () => {
  const view = await loadedView();
  const browser = new AbortController();
  const res = streamResponse(new Request("http://pulse.test/api/live/pulse", { signal: browser.signal }), view);
  assert.equal(view.subscriberCount, 1);
  const reader = res.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  assert.equal(first, "retry: 2000\n\n");
  browser.abort();
  assert.equal(view.subscriberCount, 0);
  await reader.cancel();
});
