/**
 * Server-Sent Events parsing for the benchmark's simulated subscribers: text chunks in (as they
 * come off a socket, split anywhere), dispatched events out, by the rules of the HTML standard's
 * event-stream format: lines end with CR, LF or CRLF; a blank line dispatches; `data` lines are
 * joined with LF; `id` persists across events; comments (`:` lines) are counted, not dispatched;
 * a field's value loses one leading space. Lighter than an EventSource polyfill, so one process can
 * hold a thousand streams.
 */

export interface SseEvent {
  /** The last `id` seen on the stream (it persists across events), undefined before any. */
  readonly id: string | undefined;
  /** `event` field, "message" when absent. */
  readonly event: string;
  readonly data: string;
}

const LINE_END = /[\r\n]/g;

export class SseParser {
  /** The unfinished last line of what was pushed so far. */
  private pending = "";
  /** The previous chunk ended with CR: an LF opening the next one ends no second line. */
  private afterCr = false;
  private started = false;
  private data: string[] = [];
  private hasData = false;
  private type = "";
  private lastId: string | undefined;
  /** Comment lines seen (the server's `: keepalive`). */
  comments = 0;
  /** The stream's `retry` field, ms, when it sent one. */
  retryMs: number | undefined;

  /** Parses one chunk; returns the events it completed, in order. */
  push(chunk: string): SseEvent[] {
    const events: SseEvent[] = [];
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    if (this.afterCr && text.length > 0) {
      if (text.charCodeAt(0) === 10) start = 1;
      this.afterCr = false;
    }
    LINE_END.lastIndex = start;
    for (let m = LINE_END.exec(text); m !== null; m = LINE_END.exec(text)) {
      const end = m.index;
      const line = this.pending.length > 0 ? this.pending + text.slice(start, end) : text.slice(start, end);
      this.pending = "";
      this.line(line, events);
      start = end + 1;
      if (text.charCodeAt(end) === 13) {
        if (end + 1 < text.length) {
          if (text.charCodeAt(end + 1) === 10) start = end + 2;
        } else {
          this.afterCr = true;
        }
      }
      LINE_END.lastIndex = start;
    }
    if (start < text.length) this.pending += text.slice(start);
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === "") {
      if (this.hasData) events.push({ id: this.lastId, event: this.type || "message", data: this.data.join("\n") });
      this.data = [];
      this.hasData = false;
      this.type = "";
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) {
      this.comments += 1;
      return;
    }
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case "data":
        this.data.push(value);
        this.hasData = true;
        break;
      case "event":
        this.type = value;
        break;
      case "id":
        if (!value.includes("\u0000")) this.lastId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
      // Unknown fields are ignored, as EventSource does.
    }
  }
}
