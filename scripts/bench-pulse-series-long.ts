/** `npx tsx scripts/bench-pulse-series-long.ts [instance] [runs] [minutes] [tz]`: minute grid vs rollup for the Pulse chart beyond a day, in tools/bench/pulse-series-long.ts. */
import "../tools/bench/pulse-series-long";
