/**
 * Section 4: Trino queries per minute the server's result cache sent during the 1-viewer and the
 * many-viewer phases (viewers.ts). With single-flight caching the count should barely grow with
 * the number of viewers.
 */
import { ratio2 } from "../format";
import { out } from "../report";
import { table } from "../table";
import type { Phase } from "./viewers";

/** Queries per minute of `many` over those of `one`; NaN when the baseline sent none. */
export const queryRatio = (one: Phase, many: Phase) => (one.perMinute > 0 ? many.perMinute / one.perMinute : NaN);

export function reportQueries(one: Phase, many: Phase, pagesPollHealth: boolean): void {
  out("## 4. Trino queries sent by the server's result cache (/api/health queriesSent, which includes health's own checks)");
  out();
  for (const l of table(
    ["phase", "queries", "window s", "queries/min", "per viewer/min"],
    [one, many].map((p) => [
      `${p.viewers} viewer${p.viewers === 1 ? "" : "s"}`,
      String(p.queries),
      (p.windowMs / 1000).toFixed(1),
      p.perMinute.toFixed(1),
      (p.perMinute / p.viewers).toFixed(2),
    ]),
    ["left", "right", "right", "right", "right"],
  ))
    out(`  ${l}`);
  out();
  out(`  ratio ${many.viewers} viewers / 1 viewer: ${ratio2(queryRatio(one, many))}x queries per minute for ${many.viewers}x the viewers`);
  out(`  (window = between the two health reads: --seconds, or longer while the last requests finish)`);
  if (pagesPollHealth) {
    out("  not simulated: pages also poll /api/health; its check is single-flight with a 5 s period, so at most");
    out("  12 Trino queries a minute however many pages are open (counted in queriesSent when they happen).");
  }
  out();
}
