"use client";
import { usePathname } from "next/navigation";
import { useQueryStates } from "nuqs";
import { DEFAULT_STALE_MINUTES, kioskParams, MAX_STALE_MINUTES, MIN_STALE_MINUTES } from "@/lib/dashboard/kiosk-params";
import { DEFAULT_TIME_ZONE } from "@/lib/dashboard/param-values";
import { timeZoneParser } from "@/lib/dashboard/url-parsers";
import { isTimeZone } from "@/lib/dashboard/zoned-time";
import { KioskScreen } from "./kiosk-screen";

/**
 * Kiosk mode for any page (?kiosk=1, lib/dashboard/kiosk-params.ts). It renders the marker that
 * app/globals.css keys on (hidden navigation and controls, the page zoomed to the screen) and the
 * wall screen's status: clock, data watermark, and the amber frame when the data stops moving.
 * Mounted once, in the root layout.
 */
export function KioskMode() {
  const [{ kiosk, stale, tz }] = useQueryStates({ ...kioskParams, tz: timeZoneParser });
  const pathname = usePathname();
  // A playlist's player is a wall screen already, and its frames are kiosk pages that zoom themselves.
  if (!kiosk || pathname.startsWith("/playlists/")) return null;
  // The page itself refuses a bad zone or threshold with its message (url-check.ts); the layer must not crash on one.
  const staleMinutes = stale >= MIN_STALE_MINUTES && stale <= MAX_STALE_MINUTES ? stale : DEFAULT_STALE_MINUTES;
  return (
    <>
      <div data-kiosk-on hidden />
      <KioskScreen staleMinutes={staleMinutes} tz={isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE} />
    </>
  );
}
