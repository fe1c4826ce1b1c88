/**
 * Which admission priority a Trino call takes when its caller does not say (data.ts fetchRows):
 * "background" inside inBackground(), the server's own work that no request waits on (the live
 * watcher's poll, alert evaluation), "shared" otherwise. Carried by AsyncLocalStorage so the minute
 * logs and past-minutes caches those jobs share with requests need no priority parameter of their
 * own: a read takes the lane of whoever started it, and a request that joins a background read
 * already in flight simply waits for it.
 * No `server-only` import so it can be unit-tested.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Priority } from "./admission";

const lane = new AsyncLocalStorage<Priority>();

/** Runs `work` with every Trino call it makes (without an explicit priority) in the background lane. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return lane.run("background", work);
}

/** The priority of a call made here: "background" within inBackground, else "shared". */
export function currentLane(): Priority {
  return lane.getStore() ?? "shared";
}
