/**
 * Kiosk mode's URL state, shared by every page (a wall screen's whole set-up lives in its URL, so it
 * survives a reload and a power cut): `kiosk=1` hides navigation and controls and scales the page to
 * the screen; `stale=<minutes>` is how long without a new commit before the screen turns amber. The
 * nuqs parsers shape the URL (client reads, links); the zod schema the server pages check is
 * `kioskQuery` in schemas.ts, so `kiosk=yes` or `stale=0` is refused with a message, not ignored.
 */
import { createParser, createSerializer, parseAsFloat } from "nuqs/server";

/** Two missed micro-batches (one a minute): a single slow batch or a Trino restart does not turn a wall amber. */
export const DEFAULT_STALE_MINUTES = 3;
export const MIN_STALE_MINUTES = 0.5;
export const MAX_STALE_MINUTES = 1440;

export const KIOSK_ON = ["1", "true"];
export const KIOSK_OFF = ["0", "false"];

/** `kiosk`: "1" or "true" (written "1"); "0", "false" or absent is off. */
const parseAsKioskFlag = createParser({
  parse: (v: string) => (KIOSK_ON.includes(v) ? true : KIOSK_OFF.includes(v) ? false : null),
  serialize: (v: boolean) => (v ? "1" : "0"),
});

export const kioskParams = {
  kiosk: parseAsKioskFlag.withDefault(false),
  stale: parseAsFloat.withDefault(DEFAULT_STALE_MINUTES),
};

/** `withKiosk("/daily?range=7d")`: the same view on a wall screen (what a playlist opens). */
export function withKiosk(url: string, staleMinutes?: number): string {
  const [path, query = ""] = url.split("?", 2) as [string, string?];
  const qs = new URLSearchParams(query);
  qs.set("kiosk", "1");
  if (staleMinutes !== undefined && staleMinutes !== DEFAULT_STALE_MINUTES) qs.set("stale", String(staleMinutes));
  return `${path}?${qs}`;
}

export const kioskHref = createSerializer(kioskParams, { clearOnDefault: true });
