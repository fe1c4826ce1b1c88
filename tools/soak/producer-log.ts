/**
 * Reads the producer's own record (lib/kafka/producer-record.ts) into what the soak checks against:
 * the events sent and the events the broker acknowledged, and per video and user the last change
 * acknowledged plus any sent after it without an acknowledgement (which may or may not have
 * reached the broker, so the dimension may hold either).
 */

import type { AckedLine, SendingLine } from "../../lib/kafka/producer-record";
import type { UserChange, VideoChange } from "../../lib/pipeline/dims/cdc";

export interface KeyedChanges<C> {
  /** The last change of this key whose send was acknowledged, if any. */
  lastAcked: C | undefined;
  /** Changes sent after it that were never acknowledged. */
  unconfirmedAfter: C[];
}

export interface ProducerLog {
  readonly sends: number;
  readonly ackedSends: number;
  /** Each event id sent, with the number of records that carried it (the simulator sends some events twice, as a retrying app does). */
  readonly sent: ReadonlyMap<string, number>;
  /** The same, counting only sends the broker acknowledged: each of these records must be in Bronze. */
  readonly acked: ReadonlyMap<string, number>;
  readonly videos: ReadonlyMap<string, KeyedChanges<VideoChange>>;
  readonly users: ReadonlyMap<string, KeyedChanges<UserChange>>;
}

export function readProducerLog(text: string): ProducerLog {
  const sending: SendingLine[] = [];
  const ackedSends = new Set<string>();
  for (const line of text.split("\n")) {
    if (!line) continue;
    let parsed: SendingLine | AckedLine;
    try {
      parsed = JSON.parse(line) as SendingLine | AckedLine;
    } catch {
      continue; // the last line, cut short by a kill -9 while it was written
    }
    if (parsed.kind === "sending") sending.push(parsed);
    else if (parsed.kind === "acked") ackedSends.add(parsed.send);
  }
  const sent = new Map<string, number>();
  const acked = new Map<string, number>();
  const videos = new Map<string, KeyedChanges<VideoChange>>();
  const users = new Map<string, KeyedChanges<UserChange>>();
  const note = <C>(map: Map<string, KeyedChanges<C>>, key: string, c: C, ok: boolean) => {
    const k = map.get(key) ?? { lastAcked: undefined, unconfirmedAfter: [] };
    if (ok) {
      k.lastAcked = c;
      k.unconfirmedAfter = [];
    } else k.unconfirmedAfter.push(c);
    map.set(key, k);
  };
  for (const s of sending) {
    const ok = ackedSends.has(s.send);
    for (const id of s.events) {
      sent.set(id, (sent.get(id) ?? 0) + 1);
      if (ok) acked.set(id, (acked.get(id) ?? 0) + 1);
    }
    for (const v of s.videos as VideoChange[]) note(videos, v.video_id, v, ok);
    for (const u of s.users as UserChange[]) note(users, u.user_id, u, ok);
  }
  return { sends: sending.length, ackedSends: sending.filter((s) => ackedSends.has(s.send)).length, sent, acked, videos, users };
}
