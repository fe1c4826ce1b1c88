/**
 * Events waiting for their delivery time: a binary min-heap on (deliverAtMs, seq). Sessions are
 * generated whole when they start, so up to an hour of future events waits here until the slice
 * that delivers them.
 */
import type { SimEvent } from "./rows";

function before(a: SimEvent, b: SimEvent): boolean {
  return a.deliverAtMs < b.deliverAtMs || (a.deliverAtMs === b.deliverAtMs && a.seq < b.seq);
}

export class EventQueue {
  private readonly heap: SimEvent[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(event: SimEvent): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  /** Removes and returns the earliest event if it is delivered before `toMs`. */
  popBefore(toMs: number): SimEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined || top.deliverAtMs >= toMs) return undefined;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        let child = left;
        if (right < n && before(heap[right]!, heap[left]!)) child = right;
        if (!before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
