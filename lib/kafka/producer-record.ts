/**
 * The producer's own record of what it sent, for checks that the lakehouse holds exactly that
 * (the chaos soak, scripts/soak.ts): one JSON line before each publish (the events' ids and the
 * dimension changes, in order) and one after the broker acknowledged it all. A publish cut short by
 * a crash has the first line and not the second: its records may or may not have reached the
 * broker. Appended synchronously, so a `kill -9` loses at most the line being written. Off unless
 * PULSE_PRODUCER_RECORD names the file; the simulator then writes it live, never in a seed.
 */
import fs from "node:fs";
import type { EventRecord } from "./event-record";
import { TOPICS } from "./topics";

export interface SendingLine {
  readonly kind: "sending";
  readonly send: string;
  readonly at: number;
  readonly events: readonly string[];
  readonly videos: readonly unknown[];
  readonly users: readonly unknown[];
}
export interface AckedLine {
  readonly kind: "acked";
  readonly send: string;
  readonly at: number;
}

export class ProducerRecord {
  private sends = 0;

  constructor(private readonly file: string) {}

  /** Writes the "sending" line; returns the send's id for `acked`. */
  sending(records: readonly EventRecord[], nowMs = Date.now()): string {
    const send = `${process.pid}-${++this.sends}`;
    const events: string[] = [];
    const videos: unknown[] = [];
    const users: unknown[] = [];
    for (const r of records) {
      if (r.topic === TOPICS.events.name) events.push((JSON.parse(r.value) as { event_id: string }).event_id);
      else if (r.topic === TOPICS.videos.name) videos.push(JSON.parse(r.value));
      else if (r.topic === TOPICS.users.name) users.push(JSON.parse(r.value));
    }
    const line: SendingLine = { kind: "sending", send, at: nowMs, events, videos, users };
    fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`);
    return send;
  }

  acked(send: string, nowMs = Date.now()): void {
    const line: AckedLine = { kind: "acked", send, at: nowMs };
    fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}
