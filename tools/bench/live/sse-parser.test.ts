import assert from "node:assert/strict";
import { test } from "node:test";
import { SseParser } from "./sse-parser";

test("a stream like the server's: retry, a snapshot with an id, a keepalive comment, a delta", () => {
  const p = new SseParser();
  const events = p.push(
    'retry: 2000\n\nid: b40.d1.x.1\nevent: snapshot\ndata: {"version":"b40.d1.x.1"}\n\n: keepalive\n\nid: b41.d1.x.2\nevent: delta\ndata: {"base":"b40.d1.x.1"}\n\n',
  );
  assert.deepEqual(events, [
    { id: "b40.d1.x.1", event: "snapshot", data: '{"version":"b40.d1.x.1"}' },
    { id: "b41.d1.x.2", event: "delta", data: '{"base":"b40.d1.x.1"}' },
  ]);
  assert.equal(p.retryMs, 2000);
  assert.equal(p.comments, 1);
});

test("chunks split anywhere, even inside a field name, give the same events", () => {
  const text = "id: 7\nevent: delta\ndata: abc\n\n";
  for (let cut = 0; cut <= text.length; cut++) {
    const p = new SseParser();
    const events = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut))];
    assert.deepEqual(events, [{ id: "7", event: "delta", data: "abc" }], `cut at ${cut}`);
  }
});

test("CR, LF and CRLF line ends, including a CRLF split between two chunks", () => {
  const p = new SseParser();
  const events = [...p.push("data: a\r"), ...p.push("\ndata: b\r\rdata: c\r\n\n")];
  // "\r" then "\n" is one line end, so a and b are one event; the bare "\r" after b is the blank line.
  assert.deepEqual(events, [
    { id: undefined, event: "message", data: "a\nb" },
    { id: undefined, event: "message", data: "c" },
  ]);
});

test("multi-line data joined with LF; one leading space dropped, a second kept; no colon means an empty value", () => {
  const p = new SseParser();
  const events = p.push("data:x\ndata:  y\ndata\n\n");
  assert.deepEqual(events, [{ id: undefined, event: "message", data: "x\n y\n" }]);
});

test("the id persists across events; an event without data is not dispatched but resets the type", () => {
  const p = new SseParser();
  const events = p.push("id: 1\nevent: snapshot\n\ndata: one\n\nid: 2\ndata: two\n\n");
  assert.deepEqual(events, [
    { id: "1", event: "message", data: "one" },
    { id: "2", event: "message", data: "two" },
  ]);
});

test("a leading byte-order mark is skipped; an event still open at the end of input is not dispatched", () => {
  const p = new SseParser();
  assert.deepEqual(p.push("\ufeffdata: z\n\ndata: unfinished\n"), [{ id: undefined, event: "message", data: "z" }]);
  assert.deepEqual(p.push(""), []);
});

test("a 300 KB data line arriving in 64 KiB chunks comes out whole", () => {
  const big = "x".repeat(300_000);
  const text = `id: s\nevent: snapshot\ndata: ${big}\n\n`;
  const p = new SseParser();
  const events = [];
  for (let i = 0; i < text.length; i += 65_536) events.push(...p.push(text.slice(i, i + 65_536)));
  assert.equal(events.length, 1);
  assert.equal(events[0]!.data.length, 300_000);
});
