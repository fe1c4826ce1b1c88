/**
 * When a request reached the dashboard's HTTP server. tools/dashboard/next-server.ts stamps each
 * request with this header (replacing any a client sent) before Next sees it, so a deadline can
 * count from arrival rather than from when the route got its turn: under a burst of 300 requests,
 * the turn comes hundreds of milliseconds later. No `import "server-only"`: the HTTP server loads
 * this module outside Next's bundle.
 */
export const ARRIVED_AT_HEADER = "x-pulse-arrived-at";

/** How far back an arrival stamp is believed; an older or a future one (not our server's) is ignored. */
const MAX_AGE_MS = 60_000;

/** The request's arrival time, epoch ms: the server's stamp, or `now` without a believable one. */
export function arrivedAt(headers: Headers, now = Date.now()): number {
  const stamp = Number(headers.get(ARRIVED_AT_HEADER));
  return Number.isFinite(stamp) && stamp <= now && now - stamp <= MAX_AGE_MS ? stamp : now;
}
