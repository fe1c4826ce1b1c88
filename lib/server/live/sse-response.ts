/**
 * A live view as a Server-Sent Events response: on connect, what the browser is missing (nothing,
 * the deltas after its Last-Event-ID, or the snapshot), then every delta the view broadcasts, and a
 * keep-alive comment every 15 s so proxies keep the connection open. A subscriber that falls more
 * than MAX_BUFFERED_BYTES behind is closed: its browser reconnects and resumes from its last id,
 * so a slow client cannot make the server hold an unbounded queue.
 */
import type { LiveView, Subscriber } from "./live-view";

const KEEPALIVE_MS = 15_000;
const MAX_BUFFERED_BYTES = 1 << 20;
const encoder = new TextEncoder();
const KEEPALIVE = encoder.encode(": keepalive\n\n");
/** How long EventSource waits before reconnecting after the stream ends. */
const RETRY = encoder.encode("retry: 2000\n\n");

/** The id the browser already has: EventSource's Last-Event-ID on a reconnect, or `since` from the page's first data. */
export function resumeId(request: Request): string | undefined {
  const header = request.headers.get("last-event-id");
  const since = new URL(request.url).searchParams.get("since");
  const id = header ?? since ?? undefined;
  return id && id.length <= 200 ? id : undefined;
}

export function streamResponse(request: Request, view: LiveView): Response {
  const since = resumeId(request);
  let cleanup: () => void = () => {};
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        const subscriber: Subscriber = {
          send(bytes) {
            if (!open) return false;
            if ((controller.desiredSize ?? 0) < 0) return false;
            controller.enqueue(bytes);
            return true;
          },
          close() {
            if (!open) return;
            cleanup();
            try {
              controller.close();
            } catch {
              // already closed by the client
            }
          },
        };
        // A browser that left while the view loaded (Next then never reads this stream, so neither
        // cancel() nor a later abort event comes): subscribing would leak a subscriber for good.
        if (request.signal.aborted) {
          controller.close();
          return;
        }
        controller.enqueue(RETRY);
        for (const bytes of view.catchUp(since)) controller.enqueue(bytes);
        const unsubscribe = view.subscribe(subscriber);
        const keepalive = setInterval(() => {
          if (!subscriber.send(KEEPALIVE)) subscriber.close();
        }, KEEPALIVE_MS);
        cleanup = () => {
          open = false;
          clearInterval(keepalive);
          unsubscribe();
        };
        request.signal.addEventListener("abort", () => cleanup());
      },
      cancel() {
        cleanup();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: MAX_BUFFERED_BYTES }),
  );
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: Next's compression must not buffer the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
